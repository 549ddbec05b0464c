import type { EnvVar } from '../change-analysis.js';
import { classifyPath } from '../../code/classify-path.js';
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

const SPRING_CONFIG = /(^|\/)(application|bootstrap)(-[\w-]+)?\.(ya?ml|properties)$/;
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
  if (SPRING_CONFIG.test(path)) return cache.compute('env-placeholders', { path, text }, springPlaceholders);
  const grammar = grammarOfPath(path);
  if (!grammar || classifyPath(path).role !== 'source') return [];
  return cache.read('env-reads', { path, text, grammar }, (root) => readEnvReads(root, grammar)) ?? [];
}

function languageOfRead(path: string, projectLanguage: string | undefined): string {
  if (SPRING_CONFIG.test(path)) return projectLanguage === 'kotlin' ? 'kotlin' : 'java';
  return classifyPath(path).language ?? projectLanguage ?? 'unknown';
}

interface FileReads {
  change: FileChange;
  before: Set<string>;
  after: EnvRead[];
}

function fileReads(change: FileChange, input: ExtractEnvVarsInput): FileReads {
  const path = change.file.path;
  const basePath = change.file.previousPath ?? path;
  const before =
    change.file.status === 'added' ? [] : readsOf(basePath, input.base.read(basePath), input.cache);
  const after = change.file.status === 'removed' ? [] : readsOf(path, input.head.read(path), input.cache);
  return { change, before: new Set(before.map((read) => read.name)), after };
}

/**
 * The environment variables the head reads on lines the PR wrote and the base did not read:
 * the difference of the two sides' reads, from syntax trees. A read moved from one file to
 * another is not new (the base read it elsewhere in the PR). One entry per variable and project,
 * with whether documentation mentions it.
 */
export function extractEnvVars(input: ExtractEnvVarsInput): EnvVar[] {
  const files = input.changes.map((change) => fileReads(change, input));
  const dropped = new Set<string>();
  for (const file of files) {
    const still = new Set(file.after.map((read) => read.name));
    for (const name of file.before) if (!still.has(name)) dropped.add(name);
  }
  const documentation = findEnvDocumentation([...input.changes], input.readFile);
  const seen = new Set<string>();
  const found: EnvVar[] = [];
  for (const { change, before, after } of files) {
    const added = new Set(change.added.map((line) => line.line));
    for (const read of after) {
      const key = `${change.project}\u0000${read.name}`;
      if (!added.has(read.line) || before.has(read.name) || dropped.has(read.name) || seen.has(key)) continue;
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
  }
  return found;
}
