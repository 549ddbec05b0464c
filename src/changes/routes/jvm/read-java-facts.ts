import { lineOf, stringValue } from '../../../code/syntax/node-text.js';
import type { SyntaxNode } from '../../../code/syntax/parse-source.js';
import { selectNodes } from '../../../code/syntax/select-nodes.js';
import type { StringExpression } from '../string-expression.js';
import { annotationOf, hasRoutingAnnotation, type AnnotationArgument } from './jvm-annotations.js';
import type { JvmAnnotation, JvmFacts, JvmImport, JvmMethod, JvmType, JvmTypeKind } from './jvm-facts.js';
import { createTypeNesting } from '../type-nesting.js';

const TYPE_NODES = [
  'class_declaration',
  'interface_declaration',
  'annotation_type_declaration',
  'record_declaration',
  'enum_declaration',
];
const GROUPS = {
  header: ['package_declaration', 'import_declaration'],
  type: TYPE_NODES,
  member: ['method_declaration', 'field_declaration', 'constant_declaration'],
};

function named(node: SyntaxNode | null | undefined): SyntaxNode[] {
  return (node?.namedChildren ?? []).filter((child): child is SyntaxNode => child !== null);
}

/** A string-valued expression: literals, `+` concatenation and constant references. */
function javaString(node: SyntaxNode | null | undefined): StringExpression | undefined {
  if (!node) return undefined;
  switch (node.type) {
    case 'string_literal': {
      const value = stringValue(node);
      return value === undefined ? undefined : [{ text: value }];
    }
    case 'binary_expression': {
      if (node.childForFieldName('operator')?.type !== '+') return undefined;
      const left = javaString(node.childForFieldName('left'));
      const right = javaString(node.childForFieldName('right'));
      return left && right ? [...left, ...right] : undefined;
    }
    case 'identifier':
    case 'field_access':
    case 'scoped_identifier':
      return [{ ref: node.text.replace(/\s+/g, '') }];
    case 'parenthesized_expression':
      return javaString(named(node)[0]);
    default:
      return undefined;
  }
}

/** An argument's values: one expression, or each element of `{…}`; what cannot be read keeps its text as a reference. */
function javaValues(node: SyntaxNode): StringExpression[] {
  if (node.type === 'element_value_array_initializer' || node.type === 'array_initializer')
    return named(node).flatMap(javaValues);
  return [javaString(node) ?? [{ ref: node.text.replace(/\s+/g, '') }]];
}

function readAnnotation(node: SyntaxNode): JvmAnnotation {
  const name = (node.childForFieldName('name')?.text ?? '').split('.').pop() ?? '';
  const args: AnnotationArgument[] = [];
  const list = node.type === 'annotation' ? node.childForFieldName('arguments') : null;
  for (const arg of list?.namedChildren ?? []) {
    if (!arg || arg.type === 'comment') continue;
    if (arg.type === 'element_value_pair') {
      const value = arg.childForFieldName('value');
      args.push({
        name: arg.childForFieldName('key')?.text,
        values: value ? javaValues(value) : [],
        text: arg.text,
      });
    } else args.push({ name: undefined, values: javaValues(arg), text: arg.text });
  }
  return annotationOf(name, lineOf(node), args);
}

function annotationsOf(declaration: SyntaxNode): JvmAnnotation[] {
  const modifiers = named(declaration).find((child) => child.type === 'modifiers');
  return named(modifiers)
    .filter((child) => child.type === 'annotation' || child.type === 'marker_annotation')
    .map(readAnnotation);
}

function hasModifier(declaration: SyntaxNode, keyword: string): boolean {
  const modifiers = named(declaration).find((child) => child.type === 'modifiers');
  return modifiers?.children.some((child) => child?.type === keyword) ?? false;
}

/** A type's name as written, generic arguments dropped: `Base`, `a.b.Base`. */
function typeName(node: SyntaxNode): string {
  const inner = node.type === 'generic_type' ? (named(node)[0] ?? node) : node;
  return inner.text.replace(/\s+/g, '');
}

function supertypesOf(declaration: SyntaxNode): string[] {
  const found: string[] = [];
  for (const child of named(declaration)) {
    if (child.type === 'superclass') found.push(...named(child).map(typeName));
    if (child.type === 'super_interfaces' || child.type === 'extends_interfaces')
      for (const list of named(child)) found.push(...named(list).map(typeName));
  }
  return found;
}

function kindOf(declaration: SyntaxNode): JvmTypeKind {
  if (declaration.type === 'interface_declaration') return 'interface';
  if (declaration.type === 'annotation_type_declaration') return 'annotation';
  return hasModifier(declaration, 'abstract') ? 'abstract' : 'class';
}

function readImport(node: SyntaxNode): JvmImport {
  const name = named(node).find((child) => child.type !== 'asterisk');
  return { name: name?.text ?? '', wildcard: named(node).some((child) => child.type === 'asterisk') };
}

function readMethod(node: SyntaxNode): JvmMethod | undefined {
  const annotations = annotationsOf(node);
  if (!hasRoutingAnnotation(annotations)) return undefined;
  const returned = node.childForFieldName('type');
  const method: JvmMethod = { name: node.childForFieldName('name')?.text ?? '', annotations };
  if (returned && returned.type !== 'void_type') method.returns = typeName(returned);
  return method;
}

/** String constants: `static final String` fields, and every field of an interface. */
function readConstants(node: SyntaxNode, owner: string, inInterface: boolean, facts: JvmFacts): void {
  if (!inInterface && !(hasModifier(node, 'static') && hasModifier(node, 'final'))) return;
  for (const declarator of named(node)) {
    if (declarator.type !== 'variable_declarator') continue;
    const name = declarator.childForFieldName('name')?.text;
    const value = javaString(declarator.childForFieldName('value'));
    if (name && value) facts.constants[`${owner}.${name}`] = value;
  }
}

/** Everything one Java file says about routing, from its syntax tree. */
export function readJavaFacts(root: SyntaxNode): JvmFacts {
  const facts: JvmFacts = { package: '', imports: [], types: [], constants: {}, orphans: [] };
  const nodes = selectNodes('java', root, GROUPS);
  for (const node of nodes.header) {
    if (node.type === 'package_declaration') facts.package = named(node)[0]?.text ?? '';
    else facts.imports.push(readImport(node));
  }
  const nesting = createTypeNesting();
  const types = new Map<string, JvmType>();
  for (const node of nodes.type) {
    const name = nesting.enter(node, node.childForFieldName('name')?.text ?? '');
    const type: JvmType = {
      name,
      kind: kindOf(node),
      line: lineOf(node),
      annotations: annotationsOf(node),
      supertypes: supertypesOf(node),
      methods: [],
    };
    facts.types.push(type);
    types.set(name, type);
  }
  for (const node of nodes.member) {
    const owner = nesting.ownerOf(node);
    const type = owner === undefined ? undefined : types.get(owner);
    if (node.type !== 'method_declaration') {
      if (owner !== undefined) readConstants(node, owner, type?.kind === 'interface', facts);
      continue;
    }
    const method = readMethod(node);
    if (!method) continue;
    if (type) type.methods.push(method);
    else facts.orphans.push({ ...method, ...nesting.declaredAbove(node) });
  }
  return facts;
}
