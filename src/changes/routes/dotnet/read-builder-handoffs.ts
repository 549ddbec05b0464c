import type { SyntaxNode } from '../../../code/syntax/parse-source.js';
import type { BuilderRef, DotnetFacts } from './dotnet-facts.js';
import { argumentValue, named } from './read-csharp-syntax.js';

type RefOf = (node: SyntaxNode | null | undefined, scope: string) => BuilderRef;

/** Where a call is written, and how its arguments are read. */
export interface HandoffSite {
  scope: string;
  refOf: RefOf;
  facts: DotnetFacts;
}

/** Each argument that is a route builder (a group, a parameter holding one) hands it to `method`'s parameter at its index. */
export function readPasses(
  args: readonly (SyntaxNode | undefined)[],
  method: string,
  owner: string | undefined,
  site: HandoffSite,
): void {
  args.forEach((argument, index) => {
    if (argument?.type !== 'identifier' && argument?.type !== 'invocation_expression') return;
    const parent = site.refOf(argument, site.scope);
    if (parent.kind !== 'root')
      site.facts.calls.push({ parent, method, index, extension: false, ...(owner ? { owner } : {}) });
  });
}

/** The elements of `[a, b]` or `new object[] { a, b }`. */
function elementsOf(node: SyntaxNode | undefined): SyntaxNode[] {
  if (!node) return [];
  const list =
    node.type === 'array_creation_expression' || node.type === 'implicit_array_creation_expression'
      ? named(node).find((child) => child.type === 'initializer_expression')
      : node;
  return named(list).map((element) =>
    element.type === 'argument' ? (argumentValue(element) ?? element) : element,
  );
}

/** `type.GetMethod(nameof(IEndpointGroup.Map))` or `GetMethod("Map")`: the method a reflection call invokes. */
function reflectedMethod(receiver: SyntaxNode | null): string | undefined {
  const text = receiver?.text.replace(/\s+/g, '') ?? '';
  const match = /GetMethod\((?:nameof\((?:[\w.]+\.)?(\w+)\)|"(\w+)")/.exec(text);
  return match?.[1] ?? match?.[2];
}

/**
 * `group.MapUsers()` hands the group to an extension method, `Users.Map(group)` to a static
 * one, `instance.Map(group)` to the method of that name wherever it is, and
 * `type.GetMethod(nameof(IEndpointGroup.Map)).Invoke(null, [group])` to each class's `Map`.
 */
export function readMemberCall(
  name: string,
  receiver: SyntaxNode | null,
  args: readonly (SyntaxNode | undefined)[],
  site: HandoffSite,
): void {
  const parent = site.refOf(receiver, site.scope);
  if (parent.kind !== 'root') {
    site.facts.calls.push({ parent, method: name, index: 0, extension: true });
    return;
  }
  const reflected = name === 'Invoke' ? reflectedMethod(receiver) : undefined;
  if (reflected !== undefined) {
    readPasses(elementsOf(args[1]), reflected, undefined, site);
    return;
  }
  const typeName =
    receiver?.type === 'identifier' && /^[A-Z]/.test(receiver.text) ? receiver.text : undefined;
  readPasses(args, name, typeName, site);
}
