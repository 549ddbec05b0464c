import type { ReviewRule, RuleHit } from '../../review-engine/review-rule.js';
import { addedRuns } from '../../review-engine/reviewed-file.js';
import { isCommentLine } from '../../review-engine/line-kinds.js';
import { statementFrom } from '../../review-engine/statement-groups.js';
import type { CodeLanguage } from '../../../code/language.js';

/** A string built at runtime: template/interpolation, concatenation with a variable, or a format call. */
const JS_DYNAMIC = /`[^`]*\$\{|["'`]\s*\+\s*[\w$(]|[\w$)\]]\s*\+\s*["'`]/;
const PY_DYNAMIC = /\b[fF]["']|["']\s*%\s*[\w(]|["']\.format\(|["']\s*\+\s*\w|\w\s*\+\s*["']/;
const CONCAT = /["']\s*\+\s*[\w(]|[\w)\]]\s*\+\s*["']/;
const HASH_INTERPOLATION = /"[^"]*#\{/;

/** Shell or eval calls whose command text is assembled from values, per language. */
const INJECTABLE: Readonly<Record<CodeLanguage, readonly RegExp[]>> = {
  javascript: [
    /(?<![\w$.])(?:exec|execSync)\s*\(\s*(?:`[^`]*\$\{|["'][^"']*["']\s*\+)/,
    /\b(?:child_process|childProcess|cp)\.(?:exec|execSync)\s*\(\s*(?:`[^`]*\$\{|["'][^"']*["']\s*\+|\w+\s*\+)/,
    /\bshell\s*:\s*true\b.*(?:`[^`]*\$\{)|(?:`[^`]*\$\{).*\bshell\s*:\s*true\b/,
    /(?<![\w$.])eval\s*\(\s*(?:req\.|request\.|`[^`]*\$\{|[^)'"`]*\+)/,
    /\bnew\s+Function\s*\([^)]*(?:req\.|request\.|body|params|query)/,
    // `spawn('sh', ['-c', \`tar ${dir}\`])`: a shell told to run a built string.
    /\bspawn(?:Sync)?\s*\(\s*['"](?:sh|bash|\/bin\/sh|\/bin\/bash|cmd(?:\.exe)?)['"]\s*,\s*\[\s*['"](?:-c|\/[cC])['"]\s*,\s*(?:`[^`]*\$\{|["'][^"']*["']\s*\+|\w+\s*\+)/,
  ],
  typescript: [],
  python: [
    /\bos\.(?:system|popen)\s*\(\s*(?:[fF]["']|["'][^"']*["']\s*(?:%|\+|\.format\()|\w+\s*\+)/,
    /\bsubprocess\.\w+\s*\(.*\bshell\s*=\s*True/,
    // `subprocess.run(["sh", "-c", "convert %s" % name])`: a shell told to run a built string.
    /\[\s*["'](?:sh|bash|\/bin\/sh|\/bin\/bash)["']\s*,\s*["']-c["']\s*,\s*(?:[fF]["']|["'][^"']*["']\s*(?:%|\+|\.format\()|\w+\s*\+)/,
    /(?<![\w.])(?:eval|exec)\s*\(\s*(?:request\.|[fF]["']|input\s*\()/,
  ],
  go: [
    /exec\.Command(?:Context)?\s*\([^)]*"(?:sh|bash|\/bin\/sh|\/bin\/bash|cmd(?:\.exe)?)"\s*,\s*"(?:-c|\/[cC])"\s*,\s*(?:fmt\.Sprintf\(|[^)]*\+)/,
  ],
  java: [
    /Runtime\.getRuntime\(\)\.exec\s*\(\s*(?:"[^"]*"\s*\+|\w+\s*\+|String\.format\()/,
    /new\s+ProcessBuilder\s*\(\s*"(?:sh|bash|\/bin\/sh|\/bin\/bash|cmd(?:\.exe)?)"\s*,\s*"(?:-c|\/[cC])"\s*,\s*(?:"[^"]*"\s*\+|\w+\s*\+|String\.format\()/,
  ],
  kotlin: [
    /Runtime\.getRuntime\(\)\.exec\s*\(\s*"[^"]*\$/,
    /ProcessBuilder\s*\(\s*"(?:sh|bash)"\s*,\s*"-c"\s*,\s*"[^"]*\$/,
  ],
  ruby: [
    /(?<![\w.])(?:system|exec|spawn)\s*\(?\s*"[^"]*#\{/,
    /(?:^|[=(,]\s*|\breturn\s+|\w:\s+)`[^`]*#\{/, // backticks as an expression, not inside a message string
    /%x[({[][^)}\]]*#\{/,
    /\b(?:Open3\.\w+|IO\.popen)\s*\(\s*"[^"]*#\{/,
    /(?<![\w.])eval\s*\(?\s*(?:params|request)/,
  ],
  php: [
    /(?<![\w>:$])(?:exec|shell_exec|system|passthru|popen|proc_open)\s*\(\s*(?:"[^"]*\$|["'][^"']*["']\s*\.\s*\$|\$_(?:GET|POST|REQUEST|COOKIE))/,
    /(?<![\w>:$])eval\s*\(\s*\$/,
  ],
  csharp: [
    /Process\.Start\s*\(\s*"(?:cmd(?:\.exe)?|bash|\/bin\/bash|sh|\/bin\/sh|powershell)"\s*,\s*(?:\$"|"[^"]*"\s*\+|\w+\s*\+)/,
    /Arguments\s*=\s*(?:\$"(?:\/[cC]|-c)\s[^"]*\{|"(?:\/[cC]|-c)\s[^"]*"\s*\+)/,
  ],
  rust: [/\.args?\s*\(\s*\[?\s*"-c"\s*,\s*&?format!\(/, /\.arg\s*\(\s*&?format!\(/],
  elixir: [
    /System\.cmd\s*\(\s*"(?:sh|bash)"\s*,\s*\[\s*"-c"\s*,\s*"[^"]*#\{/,
    /:os\.cmd\s*\(\s*(?:'[^']*#\{|"[^"]*#\{)/,
  ],
};

/**
 * Calls whose options or command may be written on the lines that follow (`subprocess.run(\n  f"…",\n  shell=True)`
 * as black lays it out): such a call is read as the whole statement the syntax tree bounds, on one line.
 */
const SPREAD_CALL: Partial<Record<CodeLanguage, RegExp>> = {
  python: /\b(?:subprocess\.\w+|os\.(?:system|popen))\s*\([^)]*$/,
  javascript: /(?<![\w$.])(?:exec|execSync|spawn|spawnSync)\s*\([^)]*$/,
  typescript: /(?<![\w$.])(?:exec|execSync|spawn|spawnSync)\s*\([^)]*$/,
};

/** Values escaped for the shell on the same line are not injectable. */
const SHELL_ESCAPED =
  /\bshellescape\b|Shellwords\.escape|\bescapeshellarg\s*\(|\bshlex\.quote\s*\(|\bshell-quote\b|\bquote\(/;

/** Python's `shell=True` is only dangerous with a built string; Rust's `.arg(format!(..))` only after `sh -c`. */
function confirmsInjection(language: CodeLanguage, text: string, window: string): boolean {
  if (language === 'python' && /shell\s*=\s*True/.test(text)) return PY_DYNAMIC.test(text);
  if (language === 'rust') return /Command::new\s*\(\s*"(?:sh|bash|cmd)"\s*\)/.test(window);
  if (language === 'javascript' || language === 'typescript')
    return JS_DYNAMIC.test(text) || CONCAT.test(text);
  if (language === 'ruby' || language === 'elixir') {
    // A backtick inside a double-quoted message ("run `#{cmd}`") is Markdown, not a shell call.
    const backtick = text.indexOf('`');
    if (backtick >= 0 && (text.slice(0, backtick).match(/"/g)?.length ?? 0) % 2 === 1) return false;
    return HASH_INTERPOLATION.test(text) || /params|request|`/.test(text);
  }
  return true;
}

export const commandInjection: ReviewRule = {
  id: 'security/command-injection',
  severity: 'high',
  title: 'Shell command or code built from input',
  explanation:
    'A command line (or code passed to eval) is assembled from runtime values and run by a shell: a crafted value can run arbitrary commands.',
  fix: {
    default:
      'Run the program directly with an argument list (no shell), and validate values against an allow-list.',
    javascript:
      "Use `execFile('git', ['log', ref])` or `spawn(cmd, args)` without `shell: true`; never `eval` input.",
    python:
      'Use `subprocess.run(["git", "log", ref], check=True)` without `shell=True` (use `shlex.quote` only if a shell is unavoidable).',
    go: 'Use `exec.CommandContext(ctx, "git", "log", ref)`: pass arguments separately instead of `sh -c`.',
    java: 'Use `new ProcessBuilder("git", "log", ref)` with separate arguments, not a single concatenated command.',
    ruby: 'Use the multi-argument form `system("git", "log", ref)` or `Open3.capture2("git", "log", ref)`.',
    php: 'Use `proc_open([...])` with an argument array (PHP 7.4+), or `escapeshellarg()` on every value.',
    csharp:
      'Start the program itself with `ProcessStartInfo.ArgumentList.Add(value)` instead of `cmd /c` and a built string.',
    rust: 'Use `Command::new("git").arg("log").arg(reference)` instead of `sh -c` with `format!`.',
    elixir: 'Use `System.cmd("git", ["log", ref])` with an argument list instead of a shell string.',
  },
  check(file) {
    const language = file.language;
    if (!language || file.isTest) return [];
    const patterns = language === 'typescript' ? INJECTABLE.javascript : INJECTABLE[language];
    const hits: RuleHit[] = [];
    for (const run of addedRuns(file)) {
      const window = run.map((line) => line.text).join('\n');
      run.forEach((line, index) => {
        const text = SPREAD_CALL[language]?.test(line.text)
          ? statementFrom(file, run, index).replace(/\n\s*/g, ' ')
          : line.text;
        if (!patterns.some((pattern) => pattern.test(text)) || SHELL_ESCAPED.test(text)) return;
        if (isCommentLine(file, line)) return;
        if (confirmsInjection(language, text, window)) hits.push({ line: line.line });
      });
    }
    return hits;
  },
};
