import type { SyntaxNode } from '../../../code/syntax/parse-source.js';
import { lineOf, stringValue } from '../../../code/syntax/node-text.js';
import type { GoMount, GoRef } from './go-facts.js';
import type { GoScopes } from './go-scopes.js';
import { ROUTER_TYPE, type GoCall } from './read-go-routes.js';
import { argumentsOf, selectorOf, unstrip } from './go-syntax.js';

// Methods of routers whose arguments are handlers and middleware, never routers handed to a function.
const ROUTER_METHODS =
  /^(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS|CONNECT|TRACE|Any|Get|Post|Put|Patch|Delete|Head|Options|Connect|Trace|All|Handle|HandleFunc|Method|MethodFunc|Match|Add|Use|With|Group|Route|Mount|PathPrefix|Handler|HandlerFunc|Methods|Subrouter|Static|StaticFS|StaticFile|NoRoute|NoMethod)$/;

/** True when a value handed to a function can be a router (a mount of it), judged from what the file says. */
function mayBeRouter(ref: GoRef, scopes: GoScopes): boolean {
  if (ref.kind === 'router' || ref.kind === 'field' || ref.kind === 'name') return true;
  if (ref.kind !== 'param') return false;
  return ROUTER_TYPE.test(scopes.paramType(ref) ?? '');
}

/** The function a call calls: one of this package, of another package, a literal, or a method by name. */
function calleeOf(callee: SyntaxNode, scopes: GoScopes): GoRef | undefined {
  if (callee.type === 'identifier' || callee.type === 'func_literal') return scopes.resolve(callee);
  const selector = selectorOf(callee);
  if (!selector || ROUTER_METHODS.test(selector.field)) return undefined;
  const resolved = scopes.resolve(callee);
  if (resolved.kind === 'import') return resolved;
  const hint = scopes.packageHint(selector.operand);
  return { kind: 'method', name: selector.field, ...(hint ? { hint } : {}) };
}

/** `register(api)`, `users.Routes(r)`, `h.Register(v1)`: a function of this package or another receives a router. */
function readPass(call: SyntaxNode, args: SyntaxNode[], scopes: GoScopes): GoMount[] {
  const callee = call.childForFieldName('function');
  const target = callee ? calleeOf(callee, scopes) : undefined;
  if (!target || target.kind === 'unknown' || target.kind === 'router' || target.kind === 'field') return [];
  const mounts: GoMount[] = [];
  args.forEach((arg, index) => {
    const named = arg.type === 'identifier' || arg.type === 'selector_expression';
    // `register(r.Group("/admin"))`: a group made in the call itself.
    if (!named && arg.type !== 'call_expression') return;
    const value = scopes.resolve(arg);
    if (named ? !mayBeRouter(value, scopes) : value.kind !== 'router') return;
    mounts.push({
      parent: value,
      child: target,
      prefix: '',
      via: 'pass',
      argument: index,
      line: lineOf(call),
    });
  });
  return mounts;
}

/**
 * The mounts one call declares: groups (`Group`, `PathPrefix`), chi and Fiber `Route` and
 * `Group` closures, `Mount`, `Handle` of a router (through `http.StripPrefix`), gorilla/mux
 * `PathPrefix(p).Handler(h)`, and routers passed to functions.
 */
export function readGoMounts(call: SyntaxNode, site: GoCall | undefined, scopes: GoScopes): GoMount[] {
  if (!site) return readPass(call, argumentsOf(call), scopes);
  const { selector, args } = site;
  const [first, second] = args;
  const line = lineOf(call);
  const parent = (): GoRef => scopes.resolve(selector.operand);
  const id = `c${call.startIndex}`;
  switch (selector.field) {
    case 'Group':
    case 'PathPrefix': {
      if (!first) return [];
      const group: GoMount = {
        parent: parent(),
        child: { kind: 'router', id },
        prefix: stringValue(first) ?? '',
        via: 'group',
        line,
      };
      // chi's `r.Group(func(r chi.Router) { … })` hands a router with the same prefix to a function.
      if (selector.field !== 'Group' || args.length !== 1 || stringValue(first) !== undefined) return [group];
      return [
        group,
        { parent: group.parent, child: scopes.resolve(first), prefix: '', via: 'pass', argument: 0, line },
      ];
    }
    case 'Route': {
      const prefix = stringValue(first);
      if (prefix === undefined || !second) return [];
      return [{ parent: parent(), child: scopes.resolve(second), prefix, via: 'pass', argument: 0, line }];
    }
    case 'Mount':
    case 'Use': {
      const prefix = stringValue(first);
      if (prefix === undefined || !second) return [];
      return [{ parent: parent(), child: scopes.resolve(second), prefix, via: 'mount', line }];
    }
    case 'Handle':
    case 'Handler':
      return readHandle(call, selector.operand, args, scopes);
    default:
      return ROUTER_METHODS.test(selector.field) ? [] : readPass(call, args, scopes);
  }
}

/** `mux.Handle("/api/", http.StripPrefix("/api", api))`, `r.PathPrefix("/api").Handler(api)`: the router sees the path less what is stripped. */
function readHandle(call: SyntaxNode, receiver: SyntaxNode, args: SyntaxNode[], scopes: GoScopes): GoMount[] {
  const served = args[args.length - 1];
  if (!served || args.length > 2) return [];
  // gorilla/mux's PathPrefix(p).Handler(h) hangs `h` on the router PathPrefix is called on.
  const prefixCall =
    receiver.type === 'call_expression' ? selectorOf(receiver.childForFieldName('function')) : undefined;
  const parentNode = prefixCall?.field === 'PathPrefix' ? prefixCall.operand : receiver;
  if (args.length === 1 && prefixCall?.field !== 'PathPrefix') return [];
  const { handler, stripped } = unstrip(served);
  return [
    {
      parent: scopes.resolve(parentNode),
      child: scopes.resolve(handler),
      prefix: stripped ?? '',
      via: 'mount',
      line: lineOf(call),
    },
  ];
}
