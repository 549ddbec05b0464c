import { lineOf } from '../../../code/syntax/node-text.js';
import type { SyntaxNode } from '../../../code/syntax/parse-source.js';
import type { TypeNesting } from '../type-nesting.js';
import type { DotnetClass, DotnetFacts, DotnetMethod } from './dotnet-facts.js';
import { attributesOf, csString, modifiersOf, named, ROUTE_ATTRIBUTES } from './read-csharp-syntax.js';

/** A base type as written, type arguments dropped: `ControllerBase`, `Api.BaseController`. */
function baseName(node: SyntaxNode): string {
  const inner = node.type === 'generic_name' ? (named(node)[0] ?? node) : node;
  return inner.text.replace(/<.*$/s, '').replace(/\s+/g, '');
}

function kindOf(node: SyntaxNode, modifiers: readonly string[]): DotnetClass['kind'] {
  if (node.type === 'interface_declaration') return 'interface';
  if (modifiers.includes('static')) return 'static';
  return modifiers.includes('abstract') ? 'abstract' : 'class';
}

/** A class, record, struct or interface of the file. */
export function readClass(node: SyntaxNode, name: string): DotnetClass {
  const modifiers = modifiersOf(node);
  const bases = named(named(node).find((child) => child.type === 'base_list')).map(baseName);
  return {
    name,
    line: lineOf(node),
    attributes: attributesOf(node),
    bases,
    kind: kindOf(node, modifiers),
    methods: [],
  };
}

/**
 * A method of a class, kept when it can be an action (public, not static); outside any
 * class (a diff's fragment, where C# reads methods as local functions), kept when it
 * carries route attributes.
 */
export function readMethod(
  node: SyntaxNode,
  owner: DotnetClass | undefined,
  nesting: TypeNesting,
  facts: DotnetFacts,
): void {
  const nameNode = node.childForFieldName('name');
  if (!nameNode) return;
  if (owner) {
    const modifiers = modifiersOf(node);
    if (!modifiers.includes('public') || modifiers.includes('static')) return;
    owner.methods.push({ name: nameNode.text, line: lineOf(nameNode), attributes: attributesOf(node) });
    return;
  }
  const attributes = attributesOf(node);
  if (!attributes.some((attribute) => ROUTE_ATTRIBUTES.has(attribute.name))) return;
  const method: DotnetMethod = { name: nameNode.text, line: lineOf(nameNode), attributes };
  facts.orphans.push({ ...method, ...nesting.declaredAbove(node) });
}

/** `const string X = …` and `static readonly string X = …` fields: the constants route templates are built from. */
export function readConstants(node: SyntaxNode, owner: string, facts: DotnetFacts): void {
  const modifiers = modifiersOf(node);
  if (!modifiers.includes('const') && !(modifiers.includes('static') && modifiers.includes('readonly')))
    return;
  const declaration = named(node).find((child) => child.type === 'variable_declaration');
  for (const declarator of named(declaration)) {
    if (declarator.type !== 'variable_declarator') continue;
    const [name, value] = named(declarator);
    const string = csString(value);
    if (name && string) facts.constants[`${owner}.${name.text}`] = string;
  }
}
