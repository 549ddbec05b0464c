import type { Severity } from '../../finding.js';
import type { ReviewContext } from '../../review-context.js';
import type { CodeLanguage } from '../../../code/language.js';
import type { ReviewRule, RuleHit } from '../../review-engine/review-rule.js';
import type { ReviewedFile } from '../../review-engine/reviewed-file.js';
import { addedLineRegions } from '../../review-engine/code-regions.js';
import { isCommentLine } from '../../review-engine/line-kinds.js';
import { visibleLines } from '../devops/infra-files.js';
import { DEBUG_GUARD, isInsideDebugBlock, printsToStream } from './debug-guard.js';

interface DebugPattern {
  pattern: RegExp;
  /** Breakpoints stop the process: worse than stray output. */
  severity: Severity;
  what: string;
}

const out = (pattern: RegExp, what: string): DebugPattern => ({ pattern, severity: 'low', what });
const stop = (pattern: RegExp, what: string): DebugPattern => ({ pattern, severity: 'medium', what });

const JS = [
  out(/\bconsole\.(?:log|debug|trace|dir|table)\s*\(/, '`console.log`'),
  stop(/^\s*debugger\s*;?\s*$/, '`debugger`'),
];

const DEBUG: Readonly<Record<CodeLanguage, readonly DebugPattern[]>> = {
  javascript: JS,
  typescript: JS,
  python: [
    out(/^\s*print\s*\(/, '`print`'),
    stop(/\bbreakpoint\(\s*\)|\bi?pdb\.set_trace\s*\(|^\s*import\s+i?pdb\b/, 'a breakpoint'),
  ],
  go: [out(/\bfmt\.Print(?:ln|f)?\s*\(/, '`fmt.Print`')],
  java: [
    out(/\bSystem\.(?:out|err)\.print(?:ln|f)?\s*\(/, '`System.out.println`'),
    out(/\.printStackTrace\s*\(\s*\)/, '`printStackTrace()`'),
  ],
  kotlin: [out(/^\s*println\s*\(/, '`println`'), out(/\.printStackTrace\s*\(\s*\)/, '`printStackTrace()`')],
  csharp: [
    out(/\bConsole\.Write(?:Line)?\s*\(/, '`Console.WriteLine`'),
    stop(/\bDebugger\.Break\s*\(/, '`Debugger.Break()`'),
  ],
  ruby: [stop(/\bbinding\.(?:pry|irb)\b|^\s*(?:byebug|debugger)\b/, 'a breakpoint')],
  php: [
    stop(/(?<![\w>:$])dd\s*\(/, '`dd()`'),
    out(/(?<![\w>:$])(?:var_dump|dump)\s*\(/, '`var_dump`'),
    out(/(?<![\w>:$])print_r\s*\((?![^)]*,\s*true\s*\))/, '`print_r`'),
  ],
  rust: [out(/\bdbg!\s*\(/, '`dbg!`')],
  elixir: [out(/\bIO\.inspect\b/, '`IO.inspect`'), stop(/\bIEx\.pry\b|^\s*require\s+IEx\b/, 'a breakpoint')],
};

/** Command-line programs, scripts and tooling print on purpose. */
const PRINTS_ON_PURPOSE =
  /(?:^|\/)(?:cli|bin|scripts?|tools?|cmd|examples?|docs?|bench(?:marks?)?|seeds?|migrations?|management\/commands)\/|(?:^|\/)(?:cli|__main__|manage|setup|Program|main|logs?|logger|logging|console)\.\w+$|\.cli\.\w+$/i;

/** The Go package a file belongs to, from its added lines, the patch context or the repository copy. */
function goPackage(file: ReviewedFile, context: ReviewContext): string | null {
  const clause = /^package\s+(\w+)/;
  for (const line of visibleLines(file)) {
    const name = clause.exec(line.text)?.[1];
    if (name) return name;
  }
  const text = context.readFile?.(file.path);
  return text ? (clause.exec(text.split('\n').find((line) => clause.test(line)) ?? '')?.[1] ?? null) : null;
}

function printsOnPurpose(file: ReviewedFile, context: ReviewContext): boolean {
  if (PRINTS_ON_PURPOSE.test(file.path)) return true;
  if (file.added[0]?.line === 1 && file.added[0].text.startsWith('#!')) return true;
  if (
    file.language === 'python' &&
    file.added.some((line) => /^if\s+__name__\s*==\s*['"]__main__['"]/.test(line.text))
  ) {
    return true;
  }
  if (file.language !== 'go') return false;
  // `fmt.Println` is how a Go `main` package talks; when the package is unknown, stay quiet rather than guess.
  const name = goPackage(file, context);
  return name === null || name === 'main';
}

export const debugOutput: ReviewRule = {
  id: 'code-review/debug-output',
  severity: 'low',
  title: 'Debug output left in',
  explanation:
    'Debug printing bypasses the logger (no level, no structure, no redaction) and breakpoints stop the process.',
  fix: {
    default: 'Remove it, or use the project’s logger at debug level.',
    javascript:
      'Remove it, or use the project logger (`logger.debug(...)`, pino/winston) instead of `console.log`.',
    python: 'Remove it, or use `logging.getLogger(__name__).debug(...)` instead of `print`.',
    go: 'Remove it, or log with `slog.Debug(...)` (or the project logger) instead of `fmt.Println`.',
    java: 'Remove it, or use SLF4J (`log.debug(...)`) instead of `System.out`.',
    ruby: 'Remove the breakpoint before merging.',
    php: 'Remove it, or use the PSR-3 logger (`$logger->debug(...)`, Laravel `Log::debug`).',
    csharp: 'Remove it, or use `ILogger<T>.LogDebug(...)` instead of `Console.WriteLine`.',
    rust: 'Remove `dbg!`, or use `tracing::debug!`.',
    elixir: 'Remove it, or use `Logger.debug/1`.',
  },
  check(file, { context }) {
    const language = file.language;
    if (!language || file.isTest || file.isFixture || printsOnPurpose(file, context)) return [];
    // Read the syntax tree only for a file with a candidate line.
    if (!file.added.some((line) => DEBUG[language].some(({ pattern }) => pattern.test(line.text)))) return [];
    const regions = addedLineRegions(file);
    if (!regions) return [];
    const lines = [...regions].map(([line, lineRegions]) => ({ line, regions: lineRegions }));
    const indexOf = new Map(lines.map((line, index) => [line.line, index]));
    const hits: RuleHit[] = [];
    let previousCode = '';
    for (const line of file.added) {
      if (isCommentLine(file, line) || line.text.trim() === '') continue;
      const guarded = DEBUG_GUARD.test(previousCode) || DEBUG_GUARD.test(line.text);
      previousCode = line.text;
      if (guarded) continue;
      const found = DEBUG[language].find(({ pattern }) => pattern.test(line.text));
      const index = indexOf.get(line.line);
      if (!found || index === undefined || isInsideDebugBlock(lines, index, language)) continue;
      if (language === 'python' && printsToStream(lines, index)) continue;
      hits.push({ line: line.line, severity: found.severity, title: `Debug output left in: ${found.what}` });
    }
    return hits;
  },
};
