import type { EnvVar } from '../change-analysis.js';
import { classifyPath, isSpringConfigurationPath } from '../../code/classify-path.js';
import type { FactCache } from '../../code/fact-cache.js';
import type { FileChange } from '../../code/file-change.js';
import type { SourceSide } from '../../code/source-side.js';
import { grammarOfPath } from '../../code/syntax/grammar.js';
import { PLATFORM_VARIABLES, readEnvReads, type EnvRead } from './read-env-reads.js';
import { findEnvDocumentation } from './find-env-documentation.js';

export interface ExtractEnvVarsInput {
  /** The changed files whose diff can be read. */
  changes: readonly FileChange[];
  head: SourceSide;
  base: SourceSide;
  cache: FactCache;
  languageOf: (project: string) => string | undefined;
  /** The head checkout, for documentation the PR did not change. */
  readFile?: (path: string) => string | undefined;
}

/** `${DATABASE_URL}` or `${DATABASE_URL:default}` in Spring's configuration: an upper-case placeholder is the environment variable itself. */
const SPRING_PLACEHOLDER = /\$\{([A-Z][A-Z0-9_]*)(?::[^}]*)?\}/g;
const CONFIG_COMMENT = /^\s*#/;

/** Placeholders of a Spring configuration file: configuration text, not code, so it has no syntax tree to read. */
function springPlaceholders(text: string): EnvRead[] {
  const reads: EnvRead[] = [];
  text.split('\n').forEach((line, index) => {
    if (CONFIG_COMMENT.test(line)) return;
    for (const match of line.matchAll(SPRING_PLACEHOLDER))
      reads.push({ name: match[1] ?? '', line: index + 1 });
  });
  return reads.filter((read) => !PLATFORM_VARIABLES.has(read.name));
}

/** Every read of a variable in one side of a file; none for a file that is not source or configuration. */
function readsOf(path: string, text: string | undefined, cache: FactCache): EnvRead[] {
  if (text === undefined) return [];
  if (isSpringConfigurationPath(path))
    return cache.compute('env-placeholders', { path, text }, springPlaceholders);
  const grammar = grammarOfPath(path);
  if (!grammar || classifyPath(path).role !== 'source') return [];
  return cache.read('env-reads', { path, text, grammar }, (root) => readEnvReads(root, grammar)) ?? [];
}

function languageOfRead(path: string, projectLanguage: string | undefined): string {
  if (isSpringConfigurationPath(path)) return projectLanguage === 'kotlin' ? 'kotlin' : 'java';
  return classifyPath(path).language ?? projectLanguage ?? 'unknown';
}

/** Every reader names the environment (env, ENV, environ, getenv, Environment) or a config call: most added code does neither, and is not parsed for this. */
const ENV_HINT = /env|config\(|@Value|\$\{/i;

/** A changed file's reads on each side, parsed only when asked. */
class FileReads {
  private headReads?: EnvRead[];
  private baseNames?: Set<string>;

  constructor(
    readonly change: FileChange,
    private readonly input: ExtractEnvVarsInput,
  ) {}

  head(): EnvRead[] {
    const path = this.change.file.path;
    this.headReads ??=
      this.change.file.status === 'removed'
        ? []
        : readsOf(path, this.input.head.read(path), this.input.cache);
    return this.headReads;
  }

  /**
   * Names the base version reads; the base is parsed only when its text mentions one of `names`
   * (always the PR's one set of candidate names, so the first answer stands).
   */
  base(names: ReadonlySet<string>): Set<string> {
    if (this.baseNames) return this.baseNames;
    const path = this.change.file.previousPath ?? this.change.file.path;
    const text = this.change.file.status === 'added' ? undefined : this.input.base.read(path);
    const mentioned = text !== undefined && [...names].some((name) => text.includes(name));
    this.baseNames = new Set(mentioned ? readsOf(path, text, this.input.cache).map((read) => read.name) : []);
    return this.baseNames;
  }

  /** Reads on lines the PR wrote. */
  added(): EnvRead[] {
    if (!this.change.added.some((line) => ENV_HINT.test(line.text))) return [];
    const added = new Set(this.change.added.map((line) => line.line));
    return this.head().filter((read) => added.has(read.line));
  }
}

/** Names some changed file read at the base and no longer reads at the head: a read moved elsewhere is not new. */
function droppedNames(files: readonly FileReads[], candidates: ReadonlySet<string>): Set<string> {
  const dropped = new Set<string>();
  for (const file of files) {
    const before = file.base(candidates);
    if (before.size === 0) continue;
    const still = new Set(file.head().map((read) => read.name));
    for (const name of before) if (!still.has(name)) dropped.add(name);
  }
  return dropped;
}

/**
 * The environment variables the head reads on lines the PR wrote and the base did not read:
 * the difference of the two sides' reads, from syntax trees. A read moved from one file to
 * another is not new (the base read it elsewhere in the PR). One entry per variable and project,
 * with whether documentation mentions it.
 */
export function extractEnvVars(input: ExtractEnvVarsInput): EnvVar[] {
  const files = input.changes.map((change) => new FileReads(change, input));
  const added = files.map((file) => file.added());
  const candidates = new Set(added.flat().map((read) => read.name));
  if (candidates.size === 0) return [];
  const dropped = droppedNames(files, candidates);
  const documentation = findEnvDocumentation([...input.changes], input.readFile);
  const seen = new Set<string>();
  const found: EnvVar[] = [];
  files.forEach((file, index) => {
    const { change } = file;
    for (const read of added[index] ?? []) {
      const key = `${change.project}\u0000${read.name}`;
      if (file.base(candidates).has(read.name) || dropped.has(read.name) || seen.has(key)) continue;
      seen.add(key);
      const documentedIn = documentation(read.name, change.project);
      found.push({
        name: read.name,
        file: change.file.path,
        line: read.line,
        language: languageOfRead(change.file.path, input.languageOf(change.project)),
        documented: documentedIn !== undefined,
        ...(documentedIn !== undefined ? { documentedIn } : {}),
        project: change.project,
      });
    }
  });
  return found;
}
