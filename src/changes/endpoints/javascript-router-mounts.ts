import { argumentCode, readCallArguments, keywordArgument, stringArgument } from '../source/read-call.js';
import type { SourceView } from '../source/source-view.js';
import { joinRoutePath } from './route-declaration.js';

/** The routers a JavaScript file creates or receives, and where it mounts them. */
export interface RouterMounts {
  routers: Set<string>;
  /** The routers the file creates itself (`const router = Router()`), as opposed to receiving them as parameters. */
  created: Set<string>;
  /** The path prefix of routes declared on `router`, from mounts and `prefix` options in the same file. */
  prefixOf: (router: string) => string | undefined;
  /** The outermost router `router` is mounted under in this file (itself when it is mounted nowhere here). */
  rootOf: (router: string) => string;
}

const ROUTER_CREATION =
  /(?:const|let|var)\s+([\w$]+)(?:\s*:\s*[\w$.<>]+)?\s*=\s*(?:new\s+)?(?:express\s*\.\s*Router|express|Router|KoaRouter|koaRouter|Koa|fastify|Fastify|Hapi\s*\.\s*server|Hapi\s*\.\s*Server|createRouter)\s*(?:<[^>]*>)?\s*\(/g;
const TYPED_PARAMETER =
  /([\w$]+)\s*:\s*(?:express\s*\.\s*)?(?:Router|Express|Application|FastifyInstance|KoaRouter|Hapi\.Server|Server)\b/g;
const MOUNT = /([\w$]+)\s*\.\s*use\s*\(/g;
const OWN_PREFIX = /([\w$]+)\s*\.\s*prefix\s*\(/g;

interface Mount {
  parent: string;
  path: string;
}

function readCreations(
  view: SourceView,
  routers: Set<string>,
  created: Set<string>,
  ownPrefixes: Map<string, string>,
): void {
  for (const match of view.masked.matchAll(ROUTER_CREATION)) {
    const [call, name = ''] = match;
    routers.add(name);
    created.add(name);
    const read = readCallArguments(view, match.index + call.length - 1);
    const options = read?.arguments[0];
    // koa-router: new Router({ prefix: '/api' })
    if (options && argumentCode(view, options).startsWith('{')) {
      const fields = readCallArguments(view, options.start)?.arguments ?? [];
      const prefix = stringArgument(view, keywordArgument(view, fields, 'prefix'));
      if (prefix !== undefined) ownPrefixes.set(name, prefix);
    }
  }
  const typed = /Router|Express|Application|FastifyInstance|Server/.test(view.masked);
  for (const match of typed ? view.masked.matchAll(TYPED_PARAMETER) : []) routers.add(match[1] ?? '');
  for (const match of view.masked.includes('.prefix') ? view.masked.matchAll(OWN_PREFIX) : []) {
    const read = readCallArguments(view, match.index + match[0].length - 1);
    const prefix = stringArgument(view, read?.arguments[0]);
    if (prefix !== undefined && read?.arguments.length === 1) ownPrefixes.set(match[1] ?? '', prefix);
  }
}

function readMounts(view: SourceView, mounts: Map<string, Mount>): void {
  for (const match of view.masked.matchAll(MOUNT)) {
    const read = readCallArguments(view, match.index + match[0].length - 1);
    if (!read || read.arguments.length < 2) continue;
    const path = stringArgument(view, read.arguments[0]);
    if (path === undefined) continue;
    for (const argument of read.arguments.slice(1)) {
      // app.use('/api', router) or, with koa-router, router.use('/api', child.routes())
      const child = /^([\w$]+)(?:\s*\.\s*routes\s*\(\s*\))?$/.exec(argumentCode(view, argument))?.[1];
      if (child && !mounts.has(child)) mounts.set(child, { parent: match[1] ?? '', path });
    }
  }
}

/** Finds routers (created, or received as typed parameters) and their mount paths in one file. */
export function findRouterMounts(view: SourceView): RouterMounts {
  const routers = new Set<string>();
  const created = new Set<string>();
  const ownPrefixes = new Map<string, string>();
  const mounts = new Map<string, Mount>();
  readCreations(view, routers, created, ownPrefixes);
  readMounts(view, mounts);
  const prefixOf = (router: string, depth = 0): string | undefined => {
    const mount = mounts.get(router);
    const own = ownPrefixes.get(router);
    if (!mount && own === undefined) return undefined;
    const parent = mount && depth < 10 ? prefixOf(mount.parent, depth + 1) : undefined;
    return joinRoutePath(parent, mount?.path, own);
  };
  const rootOf = (router: string): string => {
    let root = router;
    for (let depth = 0, mount = mounts.get(root); mount && depth < 10; depth++, mount = mounts.get(root))
      root = mount.parent;
    return root;
  };
  return { routers, created, prefixOf: (router) => prefixOf(router), rootOf };
}
