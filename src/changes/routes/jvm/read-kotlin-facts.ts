import { lineOf } from '../../../code/syntax/node-text.js';
import type { SyntaxNode } from '../../../code/syntax/parse-source.js';
import { selectNodes } from '../../../code/syntax/select-nodes.js';
import { hasRoutingAnnotation } from './jvm-annotations.js';
import { hasToken, kotlinString, named, readAnnotation } from './read-kotlin-annotations.js';
import type { JvmAnnotation, JvmFacts, JvmImport, JvmMethod, JvmType, JvmTypeKind } from './jvm-facts.js';
import { createTypeNesting } from '../type-nesting.js';

const GROUPS = {
  header: ['package_header', 'import'],
  type: ['class_declaration', 'object_declaration', 'infix_expression'],
  member: ['function_declaration', 'property_declaration'],
};

function modifiersOf(declaration: SyntaxNode): SyntaxNode | undefined {
  return named(declaration).find((child) => child.type === 'modifiers');
}

function annotationsOf(declaration: SyntaxNode): JvmAnnotation[] {
  return named(modifiersOf(declaration))
    .filter((child) => child.type === 'annotation')
    .map(readAnnotation)
    .filter((annotation): annotation is JvmAnnotation => annotation !== undefined);
}

function modifierTexts(declaration: SyntaxNode): string[] {
  return named(modifiersOf(declaration)).map((child) => child.text);
}

/** A user type as written, type arguments dropped: `Base`, `a.b.Api`. */
function userTypeName(node: SyntaxNode): string {
  return named(node)
    .filter((child) => child.type === 'identifier')
    .map((child) => child.text)
    .join('.');
}

function supertypesOf(declaration: SyntaxNode): string[] {
  const specifiers = named(named(declaration).find((child) => child.type === 'delegation_specifiers'));
  return specifiers.flatMap((specifier) => {
    const inner = named(specifier)[0];
    const type = inner?.type === 'constructor_invocation' ? named(inner)[0] : inner;
    return type?.type === 'user_type' ? [userTypeName(type)] : [];
  });
}

function kindOf(declaration: SyntaxNode): JvmTypeKind {
  if (hasToken(declaration, 'interface')) return 'interface';
  const modifiers = modifierTexts(declaration);
  if (modifiers.includes('annotation')) return 'annotation';
  return modifiers.includes('abstract') || modifiers.includes('sealed') ? 'abstract' : 'class';
}

function readImport(node: SyntaxNode): JvmImport {
  const [name, alias] = named(node);
  const found: JvmImport = { name: name?.text ?? '', wildcard: hasToken(node, '*') };
  if (alias?.type === 'identifier') found.alias = alias.text;
  return found;
}

function readFunction(node: SyntaxNode): JvmMethod | undefined {
  const annotations = annotationsOf(node);
  if (!hasRoutingAnnotation(annotations)) return undefined;
  const method: JvmMethod = { name: node.childForFieldName('name')?.text ?? '', annotations };
  const returned = named(node).find((child) => child.type === 'user_type');
  if (returned) method.returns = userTypeName(returned);
  return method;
}

/** `const val NAME = "…"`: the only properties an annotation can read. */
function readConstant(node: SyntaxNode, owner: string | undefined, facts: JvmFacts): void {
  if (!modifierTexts(node).includes('const')) return;
  const children = named(node);
  const declaration = children.findIndex((child) => child.type === 'variable_declaration');
  const name = named(children[declaration])[0]?.text;
  const value = kotlinString(children[declaration + 1]);
  if (name && value) facts.constants[owner === undefined ? name : `${owner}.${name}`] = value;
}

function readType(node: SyntaxNode): JvmType {
  return {
    name: node.childForFieldName('name')?.text ?? '',
    kind: node.type === 'object_declaration' ? 'class' : kindOf(node),
    line: lineOf(node),
    annotations: annotationsOf(node),
    supertypes: supertypesOf(node),
    methods: [],
  };
}

/**
 * The Kotlin grammar reads some annotated classes without a constructor (`@RestController
 * class X {` after a one-line `companion object { … }` in its body) as an annotated infix
 * call `class X { … }`: the keyword, the name and a lambda. Its annotations are those of the
 * annotated expressions around it.
 */
function misparsedType(node: SyntaxNode): JvmType | undefined {
  const [keyword, name] = named(node);
  if (keyword?.type !== 'identifier' || name?.type !== 'identifier') return undefined;
  if (keyword.text !== 'class' && keyword.text !== 'interface') return undefined;
  const annotations: JvmAnnotation[] = [];
  for (let outer = node.parent; outer?.type === 'annotated_expression'; outer = outer.parent)
    for (const child of named(outer))
      if (child.type === 'annotation')
        annotations.unshift(...[readAnnotation(child)].filter((a) => a !== undefined));
  const kind = keyword.text === 'interface' ? 'interface' : 'class';
  return { name: name.text, kind, line: lineOf(keyword), annotations, supertypes: [], methods: [] };
}

/** Everything one Kotlin file says about routing, from its syntax tree. */
export function readKotlinFacts(root: SyntaxNode): JvmFacts {
  const facts: JvmFacts = { package: '', imports: [], types: [], constants: {}, orphans: [] };
  const nodes = selectNodes('kotlin', root, GROUPS);
  for (const node of nodes.header) {
    if (node.type === 'package_header') facts.package = named(node)[0]?.text ?? '';
    else facts.imports.push(readImport(node));
  }
  const nesting = createTypeNesting();
  const types = new Map<string, JvmType>();
  for (const node of nodes.type) {
    const declared = node.type === 'infix_expression' ? misparsedType(node) : readType(node);
    if (!declared) continue;
    const type: JvmType = { ...declared, name: nesting.enter(node, declared.name) };
    facts.types.push(type);
    types.set(type.name, type);
  }
  for (const node of nodes.member) {
    const owner = nesting.ownerOf(node);
    if (node.type === 'property_declaration') {
      readConstant(node, owner, facts);
      continue;
    }
    const method = readFunction(node);
    if (!method) continue;
    const type = owner === undefined ? undefined : types.get(owner);
    if (type) type.methods.push(method);
    else facts.orphans.push({ ...method, ...nesting.declaredAbove(node) });
  }
  return facts;
}
