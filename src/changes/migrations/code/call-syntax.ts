import type { SyntaxNode } from '../../../code/syntax/parse-source.js';

/** A call's parts in one language's tree. */
export interface CallParts {
  name: string;
  receiver?: SyntaxNode;
  /** Argument nodes in order; `key` for keyword or named ones. */
  args: { key?: string; value: SyntaxNode }[];
  /** The node holding the call's block or callback body. */
  block?: SyntaxNode;
}

/** How one language writes calls, lists, maps and functions: what the migration call reader needs of its grammar. */
export interface CallSyntax {
  /** Node types of calls. */
  calls: readonly string[];
  /** Node types that may define a function named `down`/`downgrade`/`Down`. */
  functions: readonly string[];
  /** The name of a function-defining node (a method, a function assigned to `exports.down`, Elixir's `def down`). */
  functionName(node: SyntaxNode): string | undefined;
  /** A call node's parts; undefined for a node of a call type that is not a call here. */
  callParts(node: SyntaxNode): CallParts | undefined;
  /** A list's item nodes, when the node is a list. */
  listItems(node: SyntaxNode): SyntaxNode[] | undefined;
  /** A map's entries, when the node is a hash, dictionary, object or keyword list. */
  mapEntries(node: SyntaxNode): { key: string; value: SyntaxNode }[] | undefined;
  /** A literal string's value beyond what `stringValue` reads (Elixir atoms). */
  literal?(node: SyntaxNode): string | undefined;
}

/** Children of a node, without the nulls the binding may hand back. */
export function childrenOf(node: SyntaxNode): SyntaxNode[] {
  return node.namedChildren.filter((child): child is SyntaxNode => child !== null);
}

/** A hash key as written without its sigils (`null:`, `:null`, `"null"`). */
export function keyText(node: SyntaxNode | null): string {
  return (node?.text ?? '').replace(/^:|:\s*$|^['"]|['"]$/g, '').trim();
}
