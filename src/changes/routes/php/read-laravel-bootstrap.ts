import type { SyntaxNode } from '../../../code/syntax/parse-source.js';
import { stringValue } from '../../../code/syntax/node-text.js';
import { compactSignature } from '../route-entry.js';
import type { PhpFacts } from './php-facts.js';
import { phpPathOf } from './php-path-expression.js';

/** The files one `withRouting` argument names: a path or an array of paths. */
function filesOf(node: SyntaxNode, file: string) {
  const values =
    node.type === 'array_creation_expression'
      ? node.namedChildren.map((element) => element?.namedChildren.at(-1) ?? undefined)
      : [node];
  return values.flatMap((value) => {
    const found = value ? phpPathOf(value, file) : undefined;
    return found ? [found] : [];
  });
}

/**
 * Laravel 11's `->withRouting(web: …, api: …, apiPrefix: 'api/v1', health: '/up')` in
 * `bootstrap/app.php`: the web files load without a prefix, the api files under `apiPrefix`
 * (`api` by default), and `health` is a GET route of its own. Routes in `then:` are read as any.
 */
export function readWithRouting(node: SyntaxNode, file: string, facts: PhpFacts): void {
  const named = new Map<string, SyntaxNode>();
  for (const argument of node.childForFieldName('arguments')?.namedChildren ?? []) {
    const name = argument?.childForFieldName('name')?.text;
    const value = argument?.namedChildren.at(-1);
    if (name !== undefined && value) named.set(name, value);
  }
  const apiPrefix = stringValue(named.get('apiPrefix')) ?? 'api';
  const line = node.startPosition.row + 1;
  for (const [name, prefix] of [
    ['web', ''],
    ['api', apiPrefix],
  ] as const) {
    const value = named.get(name);
    for (const found of value ? filesOf(value, file) : []) facts.includes.push({ ...found, prefix, line });
  }
  const health = named.get('health');
  const path = stringValue(health);
  if (health && path !== undefined)
    facts.routes.push({
      framework: 'laravel',
      methods: ['GET'],
      path,
      line: health.startPosition.row + 1,
      signature: compactSignature(`health:${health.text}`),
    });
}
