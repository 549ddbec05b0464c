import type { RouteFramework } from '../change-analysis.js';
import {
  argumentCode,
  argumentText,
  keywordArgument,
  readCallArguments,
  stringArgument,
  type CallArgument,
} from '../source/read-call.js';
import { stringsWithin, type SourceView } from '../source/source-view.js';
import { declareRoute, joinRoutePath, signatureWithout, type RouteDeclaration } from './route-declaration.js';

/** Hapi's `server.route({ method, path, handler })` and Fastify's `fastify.route({ method, url, handler })`, one object or an array of them. */
export function readRouteObjects(
  view: SourceView,
  argument: CallArgument,
  prefix: string | undefined,
  framework: RouteFramework,
): RouteDeclaration[] {
  const objects = argumentCode(view, argument).startsWith('[')
    ? (readCallArguments(view, argument.start)?.arguments ?? [])
    : [argument];
  return objects.flatMap((object) => readRouteObject(view, object, prefix, framework));
}

/** One `{ method, path | url, handler }` object: a route per listed method (`'*'` answers any). */
function readRouteObject(
  view: SourceView,
  object: CallArgument,
  prefix: string | undefined,
  framework: RouteFramework,
): RouteDeclaration[] {
  const fields = readCallArguments(view, object.start)?.arguments ?? [];
  const methodValue = keywordArgument(view, fields, 'method');
  const path = stringArgument(
    view,
    keywordArgument(view, fields, 'path') ?? keywordArgument(view, fields, 'url'),
  );
  if (!methodValue || path === undefined) return [];
  const handler = keywordArgument(view, fields, 'handler');
  const handlerText = handler && argumentText(view, handler);
  const signature = signatureWithout(view, object.start, object.end, methodValue);
  return stringsWithin(view, methodValue.start, methodValue.end).map((method) =>
    declareRoute(
      view,
      object.start,
      object.end,
      {
        method: method === '*' ? 'ANY' : method.toUpperCase(),
        path: joinRoutePath(prefix, path),
        framework,
        handler: handlerText && /^[\w$.]+$/.test(handlerText) ? handlerText : undefined,
      },
      signature,
    ),
  );
}
