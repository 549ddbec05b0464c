import type { SyntaxNode } from '../../../code/syntax/parse-source.js';
import { stringValue } from '../../../code/syntax/node-text.js';
import type { DslCall, DslValue } from '../routing-dsl.js';
import { compactSignature } from '../route-entry.js';

/** The elements of a `%i[…]` or `%w[…]` literal. */
function wordList(node: SyntaxNode, kind: 'symbol' | 'string'): DslValue {
  return {
    kind: 'list',
    items: node.namedChildren.flatMap((child) => (child ? [{ kind, value: child.text }] : [])),
  };
}

function pairKey(key: SyntaxNode | null): DslValue | undefined {
  if (!key) return undefined;
  // `only:` is a hash_key_symbol; `:only =>` a symbol.
  if (key.type === 'hash_key_symbol') return { kind: 'symbol', value: key.text };
  return rubyValue(key);
}

/** A Ruby expression as a DSL value: literals, symbols, constants, arrays and hashes. */
export function rubyValue(node: SyntaxNode): DslValue {
  switch (node.type) {
    case 'simple_symbol':
    case 'delimited_symbol': {
      const value = node.type === 'simple_symbol' ? node.text.slice(1) : stringValue(node);
      return value === undefined ? { kind: 'other', text: node.text } : { kind: 'symbol', value };
    }
    case 'symbol_array':
      return wordList(node, 'symbol');
    case 'string_array':
      return wordList(node, 'string');
    case 'constant':
    case 'scope_resolution':
      return { kind: 'constant', name: node.text.replace(/^::/, '') };
    case 'identifier':
      return { kind: 'name', name: node.text };
    case 'true':
    case 'false':
      return { kind: 'boolean', value: node.type === 'true' };
    case 'array':
      return {
        kind: 'list',
        items: node.namedChildren.flatMap((child) => (child ? [rubyValue(child)] : [])),
      };
    case 'hash': {
      const entries: [string, DslValue][] = [];
      for (const pair of node.namedChildren) {
        const key = pair?.type === 'pair' ? pairKey(pair.childForFieldName('key')) : undefined;
        const value = pair?.childForFieldName('value');
        if (key && value && (key.kind === 'symbol' || key.kind === 'string'))
          entries.push([key.value, rubyValue(value)]);
      }
      return { kind: 'pairs', entries };
    }
    default: {
      const value = stringValue(node);
      return value === undefined ? { kind: 'other', text: node.text } : { kind: 'string', value };
    }
  }
}

/**
 * A Ruby call as a DSL call: positional arguments, `key: value` options and other hash pairs.
 * Its signature is the text of its options but those in `shaping` (which make up the path or
 * the handler, compared on their own), so a refactor that keeps both changes nothing.
 */
export function rubyCall(node: SyntaxNode, verb: string, shaping: ReadonlySet<string>): DslCall {
  const call: DslCall = {
    verb,
    args: [],
    options: {},
    pairs: [],
    line: node.startPosition.row + 1,
    signature: '',
  };
  const receiver = node.childForFieldName('receiver');
  if (receiver) call.receiver = receiver.text;
  const said: string[] = [];
  for (const argument of node.childForFieldName('arguments')?.namedChildren ?? []) {
    if (!argument) continue;
    // `resources :users, only: [:index]`: the options are pairs of the argument list (a bare hash).
    const pairs =
      argument.type === 'pair' ? [argument] : argument.type === 'hash' ? argument.namedChildren : [];
    if (pairs.length === 0) {
      call.args.push(rubyValue(argument));
      continue;
    }
    for (const pair of pairs) {
      const key = pairKey(pair?.childForFieldName('key') ?? null);
      const value = pair?.childForFieldName('value');
      if (!pair || !key || !value) continue;
      if (key.kind === 'symbol') call.options[key.value] = rubyValue(value);
      else call.pairs.push([key, rubyValue(value)]);
      if (key.kind === 'symbol' && !shaping.has(key.value)) said.push(pair.text);
    }
  }
  call.signature = compactSignature(said.join(','));
  return call;
}
