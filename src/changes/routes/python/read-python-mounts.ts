import type { SyntaxNode } from '../../../code/syntax/parse-source.js';
import type { PythonMount, PythonRef } from './python-facts.js';
import type { FileScopes } from './python-scopes.js';
import { argumentsOf, keywordArgument, positionalArguments, receiverOf } from './python-syntax.js';

/** Methods that put a router under another, with where their child and prefix are. */
const MOUNT_CALLS: Readonly<
  Record<
    string,
    { via: PythonMount['via']; child: number; childKeyword: string; prefix: string; at?: number }
  >
> = {
  include_router: { via: 'include', child: 0, childKeyword: 'router', prefix: 'prefix' },
  register_blueprint: { via: 'register', child: 0, childKeyword: 'blueprint', prefix: 'url_prefix' },
  mount: { via: 'mount', child: 1, childKeyword: 'app', prefix: 'path', at: 0 },
  // flask-restx: `api.add_namespace(ns, "/users")`; the path replaces the namespace's own.
  add_namespace: { via: 'register', child: 0, childKeyword: 'ns', prefix: 'path', at: 1 },
};

function prefixOf(node: SyntaxNode | undefined, scopes: FileScopes): PythonRef | undefined {
  if (!node) return undefined;
  const ref = scopes.resolve(node);
  return ref.kind === 'unknown' ? undefined : ref;
}

/** True for the name of a call that mounts a router. */
export function isMountCall(name: string): boolean {
  return Object.hasOwn(MOUNT_CALLS, name);
}

/** `app.include_router(users.router, prefix="/users")`, `app.register_blueprint(bp, url_prefix="/x")`, `app.mount("/v1", v1)`. */
export function readMountCall(call: SyntaxNode, name: string, scopes: FileScopes): PythonMount | undefined {
  const kind = MOUNT_CALLS[name];
  const receiver = receiverOf(call);
  if (!kind || !receiver) return undefined;
  const args = argumentsOf(call);
  const positional = positionalArguments(args);
  const childNode = keywordArgument(args, kind.childKeyword) ?? positional[kind.child];
  if (!childNode) return undefined;
  const child = scopes.resolve(childNode);
  if (child.kind === 'unknown' || child.kind === 'text') return undefined;
  const mount: PythonMount = { parent: scopes.resolve(receiver), child, via: kind.via };
  const prefix = prefixOf(
    keywordArgument(args, kind.prefix) ?? (kind.at === undefined ? undefined : positional[kind.at]),
    scopes,
  );
  if (prefix) mount.prefix = prefix;
  return mount;
}

/** flask-restx/flask-restful `api.init_app(app_or_blueprint)`: the app takes the api's routes. */
export function readInitApp(call: SyntaxNode, scopes: FileScopes): PythonMount | undefined {
  const receiver = receiverOf(call);
  const args = argumentsOf(call);
  const app = keywordArgument(args, 'app') ?? positionalArguments(args)[0];
  if (!receiver || !app) return undefined;
  const child = scopes.resolve(receiver);
  if (child.kind !== 'router') return undefined;
  const parent = scopes.resolve(app);
  return parent.kind === 'unknown' ? undefined : { parent, child, via: 'include' };
}

/** Calls that receive a router: a function of the project called with an app (`register_routes(app)`). */
export function readPassingCall(call: SyntaxNode, scopes: FileScopes): PythonMount[] {
  const positional = positionalArguments(argumentsOf(call));
  const passed: { index: number; ref: PythonRef }[] = [];
  positional.forEach((arg, index) => {
    if (arg.type !== 'identifier' && arg.type !== 'attribute') return;
    const ref = scopes.resolve(arg);
    if (ref.kind === 'router' || ref.kind === 'param') passed.push({ index, ref });
  });
  if (passed.length === 0) return [];
  const callee = call.childForFieldName('function');
  const target = callee ? scopes.resolve(callee) : undefined;
  // A method of the router itself (`app.add_middleware(…)`) passes nothing on.
  if (!target || target.kind === 'unknown' || target.kind === 'router' || target.kind === 'param') return [];
  if (target.kind === 'attribute' && (target.of.kind === 'router' || target.of.kind === 'param')) return [];
  return passed.map(({ index, ref }) => ({ parent: ref, child: target, via: 'pass', argument: index }));
}
