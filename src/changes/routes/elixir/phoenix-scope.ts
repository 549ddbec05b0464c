import { nameOf, type DslCall, type DslValue } from '../routing-dsl.js';
import { joinRoutePath } from '../route-entry.js';

/** Where the routes of a block of a Phoenix router go, which modules serve them and through which pipelines. */
export interface PhoenixScope {
  /** The path routes of this block start with. */
  path: string;
  /** The module prefix controllers, live views and plugs are named under (`MyAppWeb.API`). */
  alias: string;
  /** The pipelines `pipe_through` sends the block's routes through, in order. */
  pipelines: string[];
  /** The `live_session` the block is in, with its options (`on_mount` hooks guard live views). */
  session: string;
  /** The host the block's routes answer on (`scope "/", host: "api."`), or empty for any. */
  host: string;
  /** Values of `for` variables (`for prefix <- ["/", "/repos/:repository"]`). */
  bindings: ReadonlyMap<string, DslValue>;
}

/** The scope a router is read from the top with (or a forwarded router, under its forward). */
export function topScope(path = '', pipelines: string[] = []): PhoenixScope {
  return { path, alias: '', pipelines, session: '', host: '', bindings: new Map() };
}

/** A value with `for` variables replaced by what they are bound to, in a string too (`"/#{subpage}"`). */
export function bound(scope: PhoenixScope, value: DslValue | undefined): DslValue | undefined {
  if (value?.kind === 'name') return scope.bindings.get(value.name) ?? value;
  if (value?.kind !== 'interpolated') return value;
  let text = '';
  for (const part of value.parts) {
    const piece = nameOf(bound(scope, part));
    if (piece === undefined) return value;
    text += piece;
  }
  return { kind: 'string', value: text };
}

/** A module named under the scope's alias, as Phoenix names it (`Module.concat`). */
export function aliased(scope: PhoenixScope, module: DslValue | undefined): string | undefined {
  if (module?.kind !== 'constant') return undefined;
  return scope.alias === '' ? module.name : `${scope.alias}.${module.name}`;
}

/**
 * `scope "/api", MyAppWeb.API, as: :api`, `scope "/admin", alias: Admin`, `scope path: "/v1"`:
 * the block's path, alias (`alias: false` drops the outer one) and host.
 */
export function innerScope(scope: PhoenixScope, call: DslCall): PhoenixScope {
  const [first, second] = call.args.map((value) => bound(scope, value));
  const path = nameOf(first) ?? nameOf(call.options.path);
  const written = second?.kind === 'constant' ? second : call.options.alias;
  let alias = scope.alias;
  if (written?.kind === 'boolean' && !written.value) alias = '';
  else if (written?.kind === 'constant') alias = alias === '' ? written.name : `${alias}.${written.name}`;
  const host = nameOf(bound(scope, call.options.host));
  return { ...scope, path: joinRoutePath(scope.path, path), alias, host: host ?? scope.host };
}

/** The pipeline names of `pipe_through :api` or `pipe_through [:browser, :auth]`. */
export function pipelinesOf(call: DslCall): string[] {
  const [value] = call.args;
  const items = value?.kind === 'list' ? value.items : value ? [value] : [];
  return items.map((item) => nameOf(item) ?? (item.kind === 'constant' ? item.name : '')).filter(Boolean);
}
