import { createHash } from 'node:crypto';
import type { Grammar } from './syntax/grammar.js';
import { withParsedSource, type SyntaxNode } from './syntax/parse-source.js';

/** A file side as a reader sees it. */
export interface CachedFile {
  path: string;
  text: string;
  grammar: Grammar;
}

/**
 * Facts read from files, remembered by reader, path and content: a file the PR did not
 * change has the same text on both sides and is parsed once for both.
 */
export interface FactCache {
  /** The facts `read` takes from the file's tree; undefined when the file cannot be parsed. */
  read<T>(reader: string, file: CachedFile, read: (root: SyntaxNode) => T): T | undefined;
  /**
   * Says that `reader` will want these facts later: whichever reader parses the file first
   * reads them from the same tree, so a file several readers need is parsed once.
   */
  expect<T>(reader: string, file: CachedFile, read: (root: SyntaxNode) => T): void;
  /** Facts a reader computes from a file's text without a syntax tree (SQL, changelogs), remembered the same way. */
  compute<T>(reader: string, file: { path: string; text: string }, compute: (text: string) => T): T;
  /** Files parsed so far (each once), for the benchmark and the report. */
  parsedFiles(): number;
}

interface Expectation {
  reader: string;
  grammar: Grammar;
  read: (root: SyntaxNode) => unknown;
}

function fileKey(file: { path: string; text: string }): string {
  return `${file.path}\0${createHash('sha1').update(file.text).digest('hex')}`;
}

/** A cache for one analysis; it holds facts (plain data), never trees. */
export function createFactCache(): FactCache {
  const facts = new Map<string, unknown>();
  const expected = new Map<string, Expectation[]>();
  let parsed = 0;
  // Runs every reader that waits for this file side on the tree at hand, then forgets them.
  const readExpected = (file: string, grammar: Grammar, root: SyntaxNode): void => {
    const waiting = expected.get(file);
    if (!waiting) return;
    expected.delete(file);
    for (const expectation of waiting) {
      const key = `${expectation.reader}\0${file}`;
      if (expectation.grammar === grammar && !facts.has(key)) facts.set(key, expectation.read(root));
    }
  };
  return {
    read<T>(reader: string, file: CachedFile, read: (root: SyntaxNode) => T) {
      const side = fileKey(file);
      const key = `${reader}\0${side}`;
      if (facts.has(key)) return facts.get(key) as T | undefined;
      parsed++;
      const value = withParsedSource(file.text, file.grammar, (root) => {
        const own = read(root);
        readExpected(side, file.grammar, root);
        return own;
      });
      facts.set(key, value);
      return value;
    },
    expect<T>(reader: string, file: CachedFile, read: (root: SyntaxNode) => T) {
      const side = fileKey(file);
      if (facts.has(`${reader}\0${side}`)) return;
      const waiting = expected.get(side) ?? [];
      waiting.push({ reader, grammar: file.grammar, read });
      expected.set(side, waiting);
    },
    compute<T>(reader: string, file: { path: string; text: string }, compute: (text: string) => T) {
      const key = `${reader}\0${fileKey(file)}`;
      if (!facts.has(key)) facts.set(key, compute(file.text));
      return facts.get(key) as T;
    },
    parsedFiles: () => parsed,
  };
}
