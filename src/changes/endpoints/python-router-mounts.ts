import type { RouteFramework } from '../change-analysis.js';
import {
  keywordArgument,
  positionalArguments,
  readCallArguments,
  stringArgument,
} from '../source/read-call.js';
import type { SourceView } from '../source/source-view.js';
import { joinRoutePath } from './route-declaration.js';

/** The FastAPI routers and Flask blueprints a Python file creates, and where it mounts them. */
export interface PythonRouters {
  framework: Map<string, RouteFramework>;
  /**
   * The prefix of routes declared on `router`, from mounts and prefixes in the same file.
   * `withoutOwnOf` leaves out that router's own prefix (a Flask registration with `url_prefix` replaces it).
   */
  prefixOf: (router: string, withoutOwnOf?: string) => string | undefined;
  /** The outermost router `router` is mounted under in this file (itself when it is mounted nowhere here). */
  rootOf: (router: string) => string;
}

const ROUTER_CREATION =
  /(\w+)\s*(?::\s*[\w.]+\s*)?=\s*(?:[\w.]+\.)?(APIRouter|FastAPI|Blueprint|Flask)\s*\(/g;
const MOUNT = /(\w+)\s*\.\s*(include_router|register_blueprint)\s*\(/g;

interface Mount {
  parent: string;
  prefix: string | undefined;
}

function readCreations(
  view: SourceView,
  framework: Map<string, RouteFramework>,
  own: Map<string, string>,
): void {
  const creates = /APIRouter|FastAPI|Blueprint|Flask/.test(view.masked);
  for (const match of creates ? view.masked.matchAll(ROUTER_CREATION) : []) {
    const [call, name = '', kind = ''] = match;
    framework.set(name, kind === 'APIRouter' || kind === 'FastAPI' ? 'fastapi' : 'flask');
    const found = readCallArguments(view, match.index + call.length - 1)?.arguments ?? [];
    const prefix = stringArgument(
      view,
      keywordArgument(view, found, kind === 'Blueprint' ? 'url_prefix' : 'prefix'),
    );
    if (prefix !== undefined) own.set(name, prefix);
  }
}

function readMounts(view: SourceView, mounts: Map<string, Mount>): void {
  const mountsRouters = /include_router|register_blueprint/.test(view.masked);
  for (const match of mountsRouters ? view.masked.matchAll(MOUNT) : []) {
    const found = readCallArguments(view, match.index + match[0].length - 1)?.arguments ?? [];
    const child = positionalArguments(view, found)[0];
    const childName =
      child && /^[\w.]+$/.test(view.masked.slice(child.start, child.end))
        ? view.text.slice(child.start, child.end)
        : undefined;
    const prefix = stringArgument(
      view,
      keywordArgument(view, found, 'prefix') ?? keywordArgument(view, found, 'url_prefix'),
    );
    // `app.include_router(users.router)` mounts the module's router: keep its last name.
    if (childName) mounts.set(childName.split('.').pop() ?? childName, { parent: match[1] ?? '', prefix });
  }
}

/** Finds the routers a Python file creates and mounts, with their prefixes. */
export function findPythonRouters(view: SourceView): PythonRouters {
  const framework = new Map<string, RouteFramework>();
  const own = new Map<string, string>();
  const mounts = new Map<string, Mount>();
  readCreations(view, framework, own);
  readMounts(view, mounts);
  // FastAPI puts a mount's prefix in front of the router's own; Flask's `url_prefix` on
  // `register_blueprint` replaces the blueprint's (https://flask.palletsprojects.com/en/stable/blueprints/).
  const ownPrefix = (router: string, mount: Mount | undefined): string | undefined =>
    framework.get(router) === 'flask' && mount?.prefix !== undefined ? undefined : own.get(router);
  const prefixOf = (router: string, withoutOwnOf?: string, depth = 0): string | undefined => {
    const mount = mounts.get(router);
    const parent = mount && depth < 10 ? prefixOf(mount.parent, withoutOwnOf, depth + 1) : undefined;
    const mine = router === withoutOwnOf ? undefined : ownPrefix(router, mount);
    if (parent === undefined && mount?.prefix === undefined && mine === undefined) return undefined;
    return joinRoutePath(parent, mount?.prefix, mine);
  };
  const rootOf = (router: string): string => {
    let root = router;
    for (let depth = 0, mount = mounts.get(root); mount && depth < 10; depth++, mount = mounts.get(root))
      root = mount.parent;
    return root;
  };
  return { framework, prefixOf: (router, withoutOwnOf) => prefixOf(router, withoutOwnOf), rootOf };
}
