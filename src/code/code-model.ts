import type { FactCache } from './fact-cache.js';
import { createFactCache } from './fact-cache.js';
import type { FileChange } from './file-change.js';
import { grammarOfPath, type Grammar } from './syntax/grammar.js';
import { loadGrammars } from './syntax/load-grammars.js';
import { CODE_VIEW_READER, readCodeView } from './view/code-view.js';
import {
  createBaseSide,
  createCheckoutSide,
  createDiffOnlyHeadSide,
  type SourceSide,
} from './source-side.js';

export interface CodeModelInput {
  /** The changed files, their diffs read once. */
  changes: readonly FileChange[];
  /** The head checkout, when there is one. */
  readFile?: (path: string) => string | undefined;
  listFiles?: () => string[];
  /** The base commit's files, when the base is at hand. */
  readBaseFile?: (path: string) => string | undefined;
  /** Grammars a changed path calls for besides its own (a TypeScript change needs the JavaScript grammar to read the project's routes). */
  grammarsFor?: (path: string) => readonly Grammar[];
  /** The run's fact cache, when the reviews that follow share it; else a new one. */
  facts?: FactCache;
}

/** The code of both sides of a pull request, and the facts read from it so far. */
export interface CodeModel {
  changes: readonly FileChange[];
  head: SourceSide;
  base: SourceSide;
  /** Facts per file, shared by every reader and both sides. */
  facts: FactCache;
  dispose(): void;
}

function changedPaths(changes: readonly FileChange[]): string[] {
  return changes.flatMap((change) =>
    [change.file.path, change.file.previousPath].filter((path): path is string => path !== undefined),
  );
}

/**
 * Builds the two sides of a pull request and loads the grammars its files need. With a
 * checkout, the head is the checkout and the base is derived from it and the diff; without
 * one, both sides are what the diff shows.
 */
export async function createCodeModel(input: CodeModelInput): Promise<CodeModel> {
  const paths = changedPaths(input.changes);
  const grammars = new Set<Grammar>();
  for (const path of paths) {
    const own = grammarOfPath(path);
    if (own) grammars.add(own);
    for (const extra of input.grammarsFor?.(path) ?? []) grammars.add(extra);
  }
  await loadGrammars(grammars);
  const head = input.readFile
    ? createCheckoutSide(input.listFiles ?? (() => paths), input.readFile, input.changes)
    : createDiffOnlyHeadSide(input.changes);
  const base = createBaseSide(head, input.changes, input.readBaseFile);
  const facts = input.facts ?? createFactCache();
  expectCodeViews(input.changes, head, facts);
  return { changes: input.changes, head, base, facts, dispose: () => undefined };
}

/**
 * Reviewers read the code view of every changed file's head side: it is read from the tree
 * the first fact reader parses (routes, environment variables), not from a second parse.
 */
function expectCodeViews(changes: readonly FileChange[], head: SourceSide, facts: FactCache): void {
  for (const change of changes) {
    const { path, status } = change.file;
    const grammar = grammarOfPath(path);
    if (status === 'removed' || grammar === undefined || !head.has(path)) continue;
    const text = head.read(path);
    if (text === undefined) continue;
    const lines = change.added.map((line) => line.line);
    facts.expect(CODE_VIEW_READER, { path, text, grammar }, (root) =>
      readCodeView(root, text, grammar, lines),
    );
  }
}
