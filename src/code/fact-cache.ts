import { createHash } from 'node:crypto';
import type { Grammar } from './syntax/grammar.js';
import { withParsedSource, type SyntaxNode } from './syntax/parse-source.js';

/**
 * Facts read from files, remembered by reader, path and content: a file the PR did not
 * change has the same text on both sides and is parsed once for both.
 */
export interface FactCache {
  /** The facts `read` takes from the file's tree; undefined when the file cannot be parsed. */
  read<T>(
    reader: string,
    file: { path: string; text: string; grammar: Grammar },
    read: (root: SyntaxNode) => T,
  ): T | undefined;
  /** Facts a reader computes from a file's text without a syntax tree (SQL, changelogs), remembered the same way. */
  compute<T>(reader: string, file: { path: string; text: string }, compute: (text: string) => T): T;
  /** Files parsed so far (each once), for the benchmark and the report. */
  parsedFiles(): number;
}

/** A cache for one analysis; it holds facts (plain data), never trees. */
export function createFactCache(): FactCache {
  const facts = new Map<string, unknown>();
  let parsed = 0;
  return {
    read<T>(
      reader: string,
      file: { path: string; text: string; grammar: Grammar },
      read: (root: SyntaxNode) => T,
    ) {
      const digest = createHash('sha1').update(file.text).digest('hex');
      const key = `${reader}\0${file.path}\0${digest}`;
      if (facts.has(key)) return facts.get(key) as T | undefined;
      parsed++;
      const value = withParsedSource(file.text, file.grammar, read);
      facts.set(key, value);
      return value;
    },
    compute<T>(reader: string, file: { path: string; text: string }, compute: (text: string) => T) {
      const digest = createHash('sha1').update(file.text).digest('hex');
      const key = `${reader}\0${file.path}\0${digest}`;
      if (!facts.has(key)) facts.set(key, compute(file.text));
      return facts.get(key) as T;
    },
    parsedFiles: () => parsed,
  };
}
