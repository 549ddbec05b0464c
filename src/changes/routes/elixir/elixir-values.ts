import type { SyntaxNode } from '../../../code/syntax/parse-source.js';
import { stringValue } from '../../../code/syntax/node-text.js';
import type { DslCall, DslValue } from '../routing-dsl.js';
import { compactSignature } from '../route-entry.js';

/** `~w(index show)a`: a word list, of atoms with the `a` modifier. */
function sigilValue(node: SyntaxNode): DslValue {
  const name = node.namedChildren.find((child) => child?.type === 'sigil_name')?.text;
  const content = node.namedChildren.find((child) => child?.type === 'quoted_content')?.text;
  const modifiers = node.namedChildren.find((child) => child?.type === 'sigil_modifiers')?.text ?? '';
  if (name !== 'w' || content === undefined) return { kind: 'other', text: node.text };
  const kind = modifiers.includes('a') ? 'symbol' : 'string';
  return {
    kind: 'list',
    items: content.split(/\s+/).flatMap((word) => (word ? [{ kind, value: word }] : [])),
  };
}

/** A string literal, or one that interpolates only local names (a `for` variable): its text and names. */
function stringWithNames(node: SyntaxNode): DslValue {
  const value = stringValue(node);
  if (value !== undefined) return { kind: 'string', value };
  const parts: DslValue[] = [];
  for (const child of node.namedChildren) {
    const inner = child?.type === 'interpolation' ? child.namedChildren : [];
    if (child?.type === 'quoted_content') parts.push({ kind: 'string', value: child.text });
    else if (inner.length === 1 && inner[0]?.type === 'identifier')
      parts.push({ kind: 'name', name: inner[0].text });
    else return { kind: 'other', text: node.text };
  }
  return { kind: 'interpolated', parts };
}

/** `key: value` pairs of a keyword list, by key. */
function keywordEntries(node: SyntaxNode): [string, SyntaxNode][] {
  const entries: [string, SyntaxNode][] = [];
  for (const pair of node.namedChildren) {
    const key = pair?.childForFieldName('key')?.text.replace(/:\s*$/, '');
    const value = pair?.childForFieldName('value');
    if (key !== undefined && value) entries.push([key, value]);
  }
  return entries;
}

/** An Elixir expression as a DSL value: strings, atoms, aliases, booleans, lists, keyword lists and `for` generators. */
export function elixirValue(node: SyntaxNode): DslValue {
  switch (node.type) {
    case 'atom':
      return { kind: 'symbol', value: node.text.slice(1) };
    case 'quoted_atom': {
      // `:"not-a-word"`: its content, unless interpolated.
      const parts = node.namedChildren;
      const content = parts.length === 1 && parts[0]?.type === 'quoted_content' ? parts[0].text : undefined;
      return content === undefined ? { kind: 'other', text: node.text } : { kind: 'symbol', value: content };
    }
    case 'alias':
      return { kind: 'constant', name: node.text };
    case 'identifier':
      return { kind: 'name', name: node.text };
    case 'boolean':
      return { kind: 'boolean', value: node.text === 'true' };
    case 'sigil':
      return sigilValue(node);
    case 'list':
      return {
        kind: 'list',
        items: node.namedChildren.flatMap((child) => (child ? [elixirValue(child)] : [])),
      };
    case 'keywords':
      return {
        kind: 'pairs',
        entries: keywordEntries(node).map(([key, value]) => [key, elixirValue(value)]),
      };
    case 'binary_operator': {
      // `prefix <- ["/", "/repos/:repository"]` in a `for`.
      const left = node.childForFieldName('left');
      const right = node.childForFieldName('right');
      if (node.childForFieldName('operator')?.text === '<-' && left?.type === 'identifier' && right)
        return { kind: 'generator', name: left.text, source: elixirValue(right) };
      return { kind: 'other', text: node.text };
    }
    case 'string':
      return stringWithNames(node);
    default: {
      const value = stringValue(node);
      return value === undefined ? { kind: 'other', text: node.text } : { kind: 'string', value };
    }
  }
}

/**
 * An Elixir call as a DSL call: positional arguments and the trailing keyword list's options.
 * Its signature is the text of the options but those in `shaping` (which make up the path or
 * the handler, compared on their own) and the inline `do:` block.
 */
export function elixirCall(node: SyntaxNode, verb: string, shaping: ReadonlySet<string>): DslCall {
  const call: DslCall = {
    verb,
    args: [],
    options: {},
    pairs: [],
    line: node.startPosition.row + 1,
    signature: '',
  };
  const said: string[] = [];
  for (const argument of node.namedChildren.find((child) => child?.type === 'arguments')?.namedChildren ??
    []) {
    if (!argument) continue;
    if (argument.type !== 'keywords') {
      call.args.push(elixirValue(argument));
      continue;
    }
    for (const [key, value] of keywordEntries(argument)) {
      if (key === 'do') continue;
      call.options[key] = elixirValue(value);
      if (!shaping.has(key)) said.push(`${key}:${value.text}`);
    }
  }
  call.signature = compactSignature(said.join(','));
  return call;
}

/** The `do: …` value of a call written on one line (`scope "/a", do: get(…)`), which holds its block. */
export function inlineBlock(node: SyntaxNode): SyntaxNode | undefined {
  const keywords = node.namedChildren
    .find((child) => child?.type === 'arguments')
    ?.namedChildren.find((child) => child?.type === 'keywords');
  return keywords ? keywordEntries(keywords).find(([key]) => key === 'do')?.[1] : undefined;
}
