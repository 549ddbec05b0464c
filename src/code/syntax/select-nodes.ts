import { Query } from 'web-tree-sitter';
import type { Grammar } from './grammar.js';
import { loadedLanguage } from './load-grammars.js';
import type { SyntaxNode } from './parse-source.js';

const queries = new Map<string, Query | undefined>();
// Groups a caller keeps as a constant are looked up by identity, without building their key again.
const byGroups = new WeakMap<object, Map<Grammar, Query | undefined>>();

/** A group of nodes: of these types, or the named children of nodes of these types. */
export type NodeGroup = readonly string[] | { readonly childrenOf: readonly string[] };

function childrenOf(group: NodeGroup): readonly string[] | undefined {
  return 'childrenOf' in group ? group.childrenOf : undefined;
}

function patternOf(types: readonly string[], group: NodeGroup, name: string): string {
  if (!childrenOf(group)) return `[${types.map((type) => `(${type})`).join(' ')}] @${name}\n`;
  return `[${types.map((type) => `(${type} (_) @${name})`).join(' ')}]\n`;
}

function queryFor(grammar: Grammar, groups: Readonly<Record<string, NodeGroup>>): Query | undefined {
  const known = byGroups.get(groups) ?? new Map<Grammar, Query | undefined>();
  byGroups.set(groups, known);
  if (known.has(grammar)) return known.get(grammar);
  const query = compiledQuery(grammar, groups);
  known.set(grammar, query);
  return query;
}

function compiledQuery(grammar: Grammar, groups: Readonly<Record<string, NodeGroup>>): Query | undefined {
  const key = `${grammar}\0${JSON.stringify(groups)}`;
  if (queries.has(key)) return queries.get(key);
  const language = loadedLanguage(grammar);
  let source = '';
  for (const [name, group] of Object.entries(groups)) {
    const types = childrenOf(group) ?? (group as readonly string[]);
    // A type the grammar does not have would make the whole query invalid: leave it out.
    const known = language ? types.filter((type) => language.idForNodeType(type, true) !== null) : [];
    if (known.length > 0) source += patternOf(known, group, name);
  }
  const query = language && source !== '' ? new Query(language, source) : undefined;
  queries.set(key, query);
  return query;
}

/**
 * The nodes of each group (its types, or the named children of its types) under `root`, in document order, by group name. A tree
 * query runs inside the parser's WebAssembly and hands back only these nodes: several times
 * faster than visiting every node from JavaScript.
 */
export function selectNodes<Group extends string>(
  grammar: Grammar,
  root: SyntaxNode,
  groups: Readonly<Record<Group, NodeGroup>>,
): Record<Group, SyntaxNode[]> {
  const found = Object.fromEntries(Object.keys(groups).map((name) => [name, [] as SyntaxNode[]])) as Record<
    Group,
    SyntaxNode[]
  >;
  const query = queryFor(grammar, groups);
  if (!query) return found;
  for (const capture of query.captures(root)) found[capture.name as Group]?.push(capture.node);
  return found;
}
