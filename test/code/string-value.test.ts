import { beforeAll, describe, expect, it } from 'vitest';
import type { Grammar } from '../../src/code/syntax/grammar.js';
import { loadGrammars } from '../../src/code/syntax/load-grammars.js';
import { withParsedSource, type SyntaxNode } from '../../src/code/syntax/parse-source.js';
import { isStringNode, stringValue } from '../../src/code/syntax/node-text.js';

function firstString(root: SyntaxNode): SyntaxNode | undefined {
  const stack: SyntaxNode[] = [root];
  while (stack.length > 0) {
    const node = stack.shift();
    if (!node) break;
    if (isStringNode(node) || node.type === 'concatenated_string') return node;
    stack.push(...node.namedChildren.filter((child): child is SyntaxNode => child !== null));
  }
  return undefined;
}

function valueIn(grammar: Grammar, source: string): string | undefined {
  return withParsedSource(source, grammar, (root) => stringValue(firstString(root)));
}

const CASES: { grammar: Grammar; source: string; value: string | undefined }[] = [
  { grammar: 'javascript', source: "x('/users/:id')", value: '/users/:id' },
  { grammar: 'javascript', source: 'x(`/users/${id}`)', value: undefined },
  { grammar: 'javascript', source: 'x(`/plain`)', value: '/plain' },
  { grammar: 'typescript', source: 'x("/a\\"b")', value: '/a"b' },
  { grammar: 'typescript', source: "x('')", value: '' },
  { grammar: 'python', source: 'f("/items/{item_id}")', value: '/items/{item_id}' },
  { grammar: 'python', source: 'f(f"/items/{item_id}")', value: undefined },
  { grammar: 'python', source: 'f("/a" "/b")', value: '/a/b' },
  { grammar: 'python', source: "f(r'^users/$')", value: '^users/$' },
  { grammar: 'go', source: 'package x\nvar a = f("/api")', value: '/api' },
  { grammar: 'go', source: 'package x\nvar a = f(`/raw`)', value: '/raw' },
  { grammar: 'java', source: 'class A { @GetMapping("/x") void a() {} }', value: '/x' },
  {
    grammar: 'csharp',
    source: 'class A { [Route("api/[controller]")] void a() {} }',
    value: 'api/[controller]',
  },
  { grammar: 'ruby', source: "get '/users', to: 'users#index'", value: '/users' },
  { grammar: 'ruby', source: 'get "/u/#{x}"', value: undefined },
  { grammar: 'php', source: "<?php Route::get('/users', 'C@i');", value: '/users' },
  { grammar: 'php', source: '<?php Route::get("/users\\n", "C@i");', value: '/users\\n' },
  { grammar: 'php', source: '<?php Route::match($m, "{$endpoint}{format?}", $c);', value: undefined },
  { grammar: 'php', source: '<?php Route::get("/u/$id", $c);', value: undefined },
  { grammar: 'rust', source: 'fn a() { route("/health", get(h)); }', value: '/health' },
  { grammar: 'elixir', source: 'get "/pages", PageController, :index', value: '/pages' },
  { grammar: 'kotlin', source: 'class A { @GetMapping("/k") fun a() {} }', value: '/k' },
];

describe('stringValue', () => {
  beforeAll(() => loadGrammars(CASES.map((c) => c.grammar)));

  it.each(CASES)('reads $source ($grammar)', ({ grammar, source, value }) => {
    expect(valueIn(grammar, source)).toBe(value);
  });
});
