import type { SyntaxNode } from '../../../code/syntax/parse-source.js';
import { stringValue } from '../../../code/syntax/node-text.js';
import { selectNodes } from '../../../code/syntax/select-nodes.js';
import { joinRoutePath } from '../route-entry.js';
import { chainRoutes, isRouteCall } from './laravel-chain-routes.js';
import { arrayEntries, chainFrom, className, isClosure, type CallChain } from './php-call-chain.js';
import type { PhpFacts } from './php-facts.js';
import { phpPathOf } from './php-path-expression.js';
import { readSymfonyRoutes } from './read-symfony-routes.js';
import { readWithRouting } from './read-laravel-bootstrap.js';

/** A group open at some point of the file: its closure's extent and what it gives the routes inside. */
interface OpenGroup {
  end: number;
  prefix: string;
  controller?: string;
}

/**
 * What a group chain gives its body: `prefix()`, `controller()` and the `['prefix' => …]` array.
 * Its middleware is the group's, not the routes' declarations: moving routes between groups
 * and files that apply the same middleware changes none of them.
 */
function groupAttributes(chain: CallChain, upTo: number) {
  let prefix = '';
  let controller: string | undefined;
  for (const call of chain.calls.slice(0, upTo + 1)) {
    if (call.name === 'prefix') prefix = joinRoutePath(prefix, stringValue(call.args[0]));
    else if (call.name === 'controller') controller = className(call.args[0]) ?? controller;
    else if (call.name === 'group' && call.args.length > 1) {
      const options = arrayEntries(call.args[0]);
      const written = stringValue(options.get('prefix'));
      if (written !== undefined) prefix = joinRoutePath(prefix, written);
      controller = className(options.get('controller')) ?? controller;
    }
  }
  return { prefix: prefix === '/' ? '' : prefix, controller };
}

function readChain(
  chain: CallChain,
  open: readonly OpenGroup[],
  file: string,
  facts: PhpFacts,
): OpenGroup | undefined {
  const outer = joinRoutePath(...open.map((group) => group.prefix));
  const controller = open.findLast((group) => group.controller !== undefined)?.controller;
  const groupAt = chain.calls.findIndex((call) => call.name === 'group');
  if (groupAt >= 0) {
    const attributes = groupAttributes(chain, groupAt);
    const body = chain.calls[groupAt]?.args.at(-1);
    const prefix = joinRoutePath(outer, attributes.prefix);
    if (body && isClosure(body))
      return {
        end: body.endIndex,
        prefix: attributes.prefix,
        ...(attributes.controller !== undefined ? { controller: attributes.controller } : {}),
      };
    const included = body ? phpPathOf(body, file) : undefined;
    if (included) facts.includes.push({ ...included, prefix, line: chain.line });
    return undefined;
  }
  const routeAt = chain.calls.findIndex((call) => isRouteCall(call.name));
  if (routeAt < 0) return undefined;
  const attributes = groupAttributes(chain, routeAt);
  for (const route of chainRoutes(chain, routeAt, attributes.controller ?? controller)) {
    facts.routes.push({
      framework: 'laravel',
      methods: route.methods,
      path: joinRoutePath(outer, attributes.prefix, route.path),
      line: chain.line,
      ...(route.handler !== undefined ? { handler: route.handler } : {}),
      signature: route.signature,
    });
  }
  return undefined;
}

/** `require __DIR__.'/auth.php'` and `$this->loadRoutesFrom(…)`: a file read under the groups open where it is. */
function readInclude(node: SyntaxNode, open: readonly OpenGroup[], file: string, facts: PhpFacts): void {
  const target = INCLUDES.includes(node.type)
    ? node.namedChildren[0]
    : node.childForFieldName('arguments')?.namedChildren[0]?.namedChildren.at(-1);
  const included = target ? phpPathOf(target, file) : undefined;
  if (!included) return;
  const prefix = joinRoutePath(...open.map((group) => group.prefix));
  facts.includes.push({
    ...included,
    prefix: prefix === '/' ? '' : prefix,
    line: node.startPosition.row + 1,
  });
}

const INCLUDES = [
  'require_expression',
  'require_once_expression',
  'include_expression',
  'include_once_expression',
];

/**
 * What one PHP file says about routing: Laravel routes (`Route::get`, resources, groups with
 * their prefixes, controllers and middleware, nested by the closures that hold them), the route
 * files it loads and under which prefix, `withRouting` in `bootstrap/app.php`, and Symfony's
 * `#[Route]` attributes. One tree query; chains are read by walking up from their first call.
 */
export function readPhpFacts(root: SyntaxNode, file: string): PhpFacts {
  const facts: PhpFacts = { routes: [], includes: [] };
  const nodes = selectNodes('php', root, {
    call: ['scoped_call_expression', 'member_call_expression'],
    include: INCLUDES,
    attribute: ['attribute'],
  });
  const items = [...nodes.call, ...nodes.include].sort((a, b) => a.startIndex - b.startIndex);
  const open: OpenGroup[] = [];
  for (const node of items) {
    while (open.length > 0 && (open[open.length - 1]?.end ?? 0) <= node.startIndex) open.pop();
    if (INCLUDES.includes(node.type)) {
      readInclude(node, open, file, facts);
      continue;
    }
    if (node.type === 'member_call_expression' && node.childForFieldName('name')?.text === 'loadRoutesFrom') {
      readInclude(node, open, file, facts);
      continue;
    }
    if (node.type === 'member_call_expression' && node.childForFieldName('name')?.text === 'withRouting') {
      readWithRouting(node, file, facts);
      continue;
    }
    const chain = chainFrom(node);
    const group = chain && readChain(chain, open, file, facts);
    if (group) open.push(group);
  }
  facts.routes.push(...readSymfonyRoutes(nodes.attribute));
  return facts;
}
