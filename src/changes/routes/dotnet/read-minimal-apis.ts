import { lineOf } from '../../../code/syntax/node-text.js';
import type { SyntaxNode } from '../../../code/syntax/parse-source.js';
import { literalOf, type StringExpression } from '../string-expression.js';
import type { BuilderRef, DotnetFacts } from './dotnet-facts.js';
import { groupPrefix } from './group-prefix.js';
import { readMemberCall, readPasses } from './read-builder-handoffs.js';
import { argumentValue, csString, declarationText, named } from './read-csharp-syntax.js';

const VERBS: Readonly<Record<string, string>> = {
  MapGet: 'GET',
  MapPost: 'POST',
  MapPut: 'PUT',
  MapDelete: 'DELETE',
  MapPatch: 'PATCH',
};
// Builder calls that describe an endpoint for documentation without changing what it serves.
const DOCUMENTATION_CALLS =
  /^(?:WithName|WithTags|WithSummary|WithDescription|WithOpenApi|WithDisplayName|WithGroupName|Produces\w*|Accepts|ExcludeFromDescription|WithMetadata)$/;
const DEFAULT_CONVENTION = '{controller=Home}/{action=Index}/{id?}';
const MAX_CHAIN = 12;

/** What one C# file's method scopes know: each method's key and parameters, and names bound to builders. */
export interface MinimalApiScopes {
  /** The key of the method a node is in (`''` for top-level statements). */
  scopeOf(node: SyntaxNode): string;
  /** The parameter of a scope's method a name is, if it is one; registers the method as holding builders. */
  parameter(scope: string, name: string): number | undefined;
  /** The class a node is written in. */
  classOf(node: SyntaxNode): string | undefined;
}

/** Reads minimal API calls of one file in document order: bindings first, so `var g = app.MapGroup(…)` is known where `g` is used. */
export function createMinimalApiReader(scopes: MinimalApiScopes, facts: DotnetFacts) {
  const bindings = new Map<string, BuilderRef>();
  // Every local variable's value, for prefixes kept in variables (`var prefix = $"/api/{name}"`).
  const locals = new Map<string, SyntaxNode>();

  const refOf = (node: SyntaxNode | null | undefined, scope: string, depth = 0): BuilderRef => {
    if (!node || depth > MAX_CHAIN) return { kind: 'root' };
    if (node.type === 'identifier') {
      const bound = bindings.get(`${scope}\0${node.text}`);
      if (bound) return bound;
      const index = scopes.parameter(scope, node.text);
      return index === undefined ? { kind: 'root' } : { kind: 'param', method: scope, index };
    }
    if (node.type === 'parenthesized_expression' || node.type === 'cast_expression')
      return refOf(named(node).pop(), scope, depth + 1);
    if (node.type !== 'invocation_expression') return { kind: 'root' };
    const callee = node.childForFieldName('function');
    if (callee?.type !== 'member_access_expression') return { kind: 'root' };
    if (calleeName(callee) === 'MapGroup') return { kind: 'group', id: groupId(node) };
    // Fluent calls (`WithTags`, `RequireAuthorization`, extensions returning their group) give back their receiver.
    return refOf(callee.childForFieldName('expression'), scope, depth + 1);
  };

  const bind = (name: SyntaxNode | null | undefined, value: SyntaxNode | null | undefined, scope: string) => {
    if (name?.type !== 'identifier' || !value) return;
    const ref = refOf(value, scope);
    if (ref.kind !== 'root') bindings.set(`${scope}\0${name.text}`, ref);
  };

  return {
    /** A `variable_declarator`, `assignment_expression` or `invocation_expression`, in document order. */
    read(node: SyntaxNode): void {
      const scope = scopes.scopeOf(node);
      if (node.type === 'variable_declarator') {
        const [name, value] = named(node);
        if (name && value) locals.set(`${scope}\0${name.text}`, value);
        bind(name, value, scope);
      } else if (node.type === 'assignment_expression')
        bind(node.childForFieldName('left'), node.childForFieldName('right'), scope);
      else if (node.type === 'return_statement' || node.type === 'arrow_expression_clause') {
        const returned = refOf(named(node)[0], scope);
        if (returned.kind !== 'root' && scope !== '') facts.returns[scope] = returned;
      } else {
        const local = (name: string) => locals.get(`${scope}\0${name}`);
        readInvocation(node, { scope, owner: scopes.classOf(node), scopes, local }, refOf, facts);
      }
    },
  };
}

function calleeName(callee: SyntaxNode): string {
  const name = callee.childForFieldName('name');
  return (name?.type === 'generic_name' ? named(name)[0]?.text : name?.text) ?? '';
}

/** A chain (`app.MapGroup("/a").MapGroup("/b")`) starts every call at one offset: the end tells them apart. */
function groupId(node: SyntaxNode): string {
  return `g${node.startIndex}-${node.endIndex}`;
}

type RefOf = (node: SyntaxNode | null | undefined, scope: string) => BuilderRef;

interface Site {
  scope: string;
  owner: string | undefined;
  scopes: MinimalApiScopes;
  local(name: string): SyntaxNode | undefined;
}

function readInvocation(node: SyntaxNode, site: Site, refOf: RefOf, facts: DotnetFacts): void {
  const { scope } = site;
  const callee = node.childForFieldName('function');
  const args = named(node.childForFieldName('arguments')).map((argument) => argumentValue(argument));
  if (callee?.type === 'identifier') {
    readPasses(args, callee.text, undefined, { scope, refOf, facts });
    return;
  }
  if (callee?.type !== 'member_access_expression') return;
  const name = calleeName(callee);
  const receiver = callee.childForFieldName('expression');
  const owner = site.owner !== undefined ? { owner: site.owner } : {};
  if (VERBS[name] || name === 'MapMethods') {
    // A wrapper that forwards its own `pattern` parameter declares no route of its own.
    const first = args[0];
    if (first?.type === 'identifier' && site.scopes.parameter(scope, first.text) !== undefined) return;
    facts.routes.push({ ...readRoute(node, callee, name, args, refOf(receiver, scope)), ...owner });
  } else if (name === 'MapGroup') {
    readGroup(node, args[0], refOf(receiver, scope), site, facts);
  } else if (name === 'UsePathBase') {
    const base = csString(args[0]);
    if (base) facts.pathBases.push(base);
  } else if (/^Map(?:Area)?ControllerRoute$/.test(name)) {
    const pattern = namedArgument(node, 'pattern') ?? args[name === 'MapControllerRoute' ? 1 : 2];
    const convention = csString(pattern);
    if (convention) facts.conventions.push(convention);
  } else if (name === 'MapDefaultControllerRoute') {
    facts.conventions.push([{ text: DEFAULT_CONVENTION }]);
  } else if (/^[A-Z]/.test(name)) {
    readMemberCall(name, receiver, args, { scope, refOf, facts });
  }
}

/**
 * `parent.MapGroup(prefix)`. An object rather than a string (`app.MapGroup(instance)`) may
 * call a project's own `MapGroup` extension, whose returned group this one then is.
 */
function readGroup(
  node: SyntaxNode,
  argument: SyntaxNode | undefined,
  parent: BuilderRef,
  site: Site,
  facts: DotnetFacts,
): void {
  const id = groupId(node);
  const prefix = groupPrefix(argument, site.local);
  const handedOver =
    argument?.type === 'identifier' &&
    !site.local(argument.text) &&
    site.scopes.parameter(site.scope, argument.text) === undefined;
  facts.groups.push({
    id,
    parent,
    ...(site.owner !== undefined ? { owner: site.owner } : {}),
    ...(prefix ? { prefix } : {}),
    ...(handedOver ? { viaMethod: true as const } : {}),
  });
  if (handedOver) facts.calls.push({ parent, method: 'MapGroup', index: 0, extension: true, result: id });
}

function namedArgument(call: SyntaxNode, key: string): SyntaxNode | undefined {
  const argument = named(call.childForFieldName('arguments')).find(
    (candidate) => candidate.childForFieldName('name')?.text === key,
  );
  return argument ? argumentValue(argument) : undefined;
}

function readRoute(
  node: SyntaxNode,
  callee: SyntaxNode,
  name: string,
  args: (SyntaxNode | undefined)[],
  holder: BuilderRef,
) {
  const listed = name === 'MapMethods' ? args[1] : undefined;
  const methods = VERBS[name] ? [VERBS[name]] : methodList(listed);
  const patterns: (StringExpression | null)[] = (name === 'MapMethods' ? args.slice(0, 1) : args).map(
    (argument) => csString(argument) ?? null,
  );
  // The handler is the last argument (`MapGet("/x", Handler)`), or the first when a project's own overload takes it first.
  const isName = (argument: SyntaxNode | undefined) =>
    argument?.type === 'identifier' || argument?.type === 'member_access_expression';
  const last = args[args.length - 1];
  const first = args[0];
  const handler = isName(last)
    ? last?.text
    : isName(first) && args.slice(1).some((argument) => literalOf(csString(argument)) !== undefined)
      ? first?.text
      : undefined;
  const kept = args.filter((argument, index) => argument !== listed && !(index === 0 && patterns[0]));
  const signature = [
    `${name}(${kept.map((argument) => (argument ? declarationText(argument) : '')).join(',')})`,
  ];
  for (let call = node, depth = 0; depth < MAX_CHAIN; depth++) {
    const access = call.parent;
    const outer = access?.parent;
    if (access?.type !== 'member_access_expression' || outer?.type !== 'invocation_expression') break;
    const chained = calleeName(access);
    if (!DOCUMENTATION_CALLS.test(chained))
      signature.push(`${chained}${declarationText(outer.childForFieldName('arguments') ?? outer)}`);
    call = outer;
  }
  return {
    holder,
    methods,
    patterns,
    line: lineOf(callee.childForFieldName('name') ?? node),
    ...(handler !== undefined ? { handler } : {}),
    signature: signature.join('.'),
  };
}

/** `new[] { "GET", "HEAD" }`, `["GET"]`, `new[] { HttpMethods.Get }`: upper-case method names, read a few levels deep. */
function methodList(node: SyntaxNode | undefined, depth = 0): string[] {
  if (!node || depth > 4) return [];
  const literal = csString(node);
  if (literal?.length === 1) {
    const [piece] = literal;
    const text = !piece
      ? undefined
      : 'text' in piece
        ? piece.text
        : /^HttpMethods?\.\w+$/.test(piece.ref)
          ? piece.ref.slice(piece.ref.indexOf('.') + 1)
          : undefined;
    if (text && /^[A-Za-z]+$/.test(text)) return [text.toUpperCase()];
  }
  return [...new Set(named(node).flatMap((child) => methodList(child, depth + 1)))];
}
