import { Parser, Query, type Node, type QueryMatch } from 'web-tree-sitter';
import type { Grammar } from './grammar.js';
import { loadedLanguage } from './load-grammars.js';

/** A node of a syntax tree (tree-sitter's). Fact readers and rules work on these, never on raw text. */
export type SyntaxNode = Node;
/** One match of a tree query, with its named captures. */
export type SyntaxMatch = QueryMatch;

/** Past this size a file is data or a bundle, not code someone reviews: it is not parsed. */
export const MAX_PARSED_CHARS = 1024 * 1024;

/** A parsed file. Trees live in WebAssembly memory: whoever parses one disposes of it. */
export interface ParsedSource {
  grammar: Grammar;
  root: SyntaxNode;
  /** True when the parser had to recover from errors (a fragment of a file, or code that does not compile). */
  hasErrors: boolean;
  dispose(): void;
}

const parsers = new Map<Grammar, Parser>();
const queries = new Map<string, Query>();

function parserFor(grammar: Grammar): Parser | undefined {
  const existing = parsers.get(grammar);
  if (existing) return existing;
  const language = loadedLanguage(grammar);
  if (!language) return undefined;
  const parser = new Parser();
  parser.setLanguage(language);
  parsers.set(grammar, parser);
  return parser;
}

/**
 * Parses `text` with a loaded grammar (see `loadGrammars`). Undefined when the grammar is
 * not loaded or the text is too large to be source.
 */
export function parseSource(text: string, grammar: Grammar): ParsedSource | undefined {
  if (text.length > MAX_PARSED_CHARS) return undefined;
  const tree = parserFor(grammar)?.parse(grammar === 'php' ? withPhpTag(text) : text);
  if (!tree) return undefined;
  return { grammar, root: tree.rootNode, hasErrors: tree.rootNode.hasError, dispose: () => tree.delete() };
}

/**
 * PHP's grammar reads everything before `<?php` as inline HTML: a fragment of a file (the
 * hunks of a diff, blank lines between them) has no opening tag, so it gets one. Only the
 * first line's columns move; every line keeps its number.
 */
function withPhpTag(text: string): string {
  return text.includes('<?') ? text : `<?php ${text}`;
}

/** Parses, hands the root to `read`, and frees the tree, whatever `read` does. */
export function withParsedSource<T>(
  text: string,
  grammar: Grammar,
  read: (root: SyntaxNode) => T,
): T | undefined {
  const parsed = parseSource(text, grammar);
  if (!parsed) return undefined;
  try {
    return read(parsed.root);
  } finally {
    parsed.dispose();
  }
}

/** Runs a tree query (compiled once per grammar and source) over `node`. */
export function queryMatches(grammar: Grammar, source: string, node: SyntaxNode): SyntaxMatch[] {
  const key = `${grammar}\0${source}`;
  let query = queries.get(key);
  if (!query) {
    const language = loadedLanguage(grammar);
    if (!language) return [];
    query = new Query(language, source);
    queries.set(key, query);
  }
  return query.matches(node);
}
