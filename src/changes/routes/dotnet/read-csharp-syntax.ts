import { lineOf, stringValue, textWithout } from '../../../code/syntax/node-text.js';
import type { SyntaxNode } from '../../../code/syntax/parse-source.js';
import type { StringExpression } from '../string-expression.js';
import type { DotnetAttribute } from './dotnet-facts.js';

const LAMBDAS = new Set(['lambda_expression', 'anonymous_method_expression']);
const STRINGS = new Set(['string_literal', 'verbatim_string_literal', 'raw_string_literal']);
/** Attributes that declare route templates or verbs: their first arguments are the route's key, not its signature. */
export const ROUTE_ATTRIBUTES: ReadonlySet<string> = new Set([
  'Route',
  'HttpGet',
  'HttpPost',
  'HttpPut',
  'HttpDelete',
  'HttpPatch',
  'HttpHead',
  'HttpOptions',
  'AcceptVerbs',
]);

/** A node's named children, without the nulls and comments. */
export function named(node: SyntaxNode | null | undefined): SyntaxNode[] {
  return (node?.namedChildren ?? []).filter(
    (child): child is SyntaxNode => child !== null && child.type !== 'comment',
  );
}

function interpolated(node: SyntaxNode): StringExpression | undefined {
  const pieces: StringExpression = [];
  for (const child of named(node)) {
    if (child.type === 'string_content') pieces.push({ text: child.text });
    else if (child.type === 'interpolation') {
      const inner = csString(named(child).find((part) => part.type !== 'interpolation_brace'));
      if (!inner) return undefined;
      pieces.push(...inner);
    }
  }
  return pieces;
}

/** A string-valued expression: literals, `$"…{CONST}"`, `+`, `nameof(X)` and constant references. */
export function csString(node: SyntaxNode | null | undefined): StringExpression | undefined {
  if (!node) return undefined;
  if (STRINGS.has(node.type)) {
    const value = stringValue(node);
    return value === undefined ? undefined : [{ text: value }];
  }
  switch (node.type) {
    case 'interpolated_string_expression':
      return interpolated(node);
    case 'binary_expression': {
      if (node.childForFieldName('operator')?.type !== '+') return undefined;
      const left = csString(node.childForFieldName('left'));
      const right = csString(node.childForFieldName('right'));
      return left && right ? [...left, ...right] : undefined;
    }
    case 'identifier':
    case 'member_access_expression':
    case 'qualified_name':
      return [{ ref: node.text.replace(/\s+/g, '') }];
    case 'parenthesized_expression':
      return csString(named(node)[0]);
    case 'invocation_expression': {
      // `nameof(Users)` and `nameof(Routes.Users)` are the last name written.
      if (node.childForFieldName('function')?.text !== 'nameof') return undefined;
      const argument = named(node.childForFieldName('arguments'))[0]?.text ?? '';
      return [{ text: argument.split('.').pop()?.trim() ?? '' }];
    }
    default:
      return undefined;
  }
}

/** The expression of an `argument` node (past its `name:`). */
export function argumentValue(argument: SyntaxNode): SyntaxNode | undefined {
  const children = named(argument);
  return argument.childForFieldName('name') ? children[1] : children[0];
}

/** Whitespace-free text of a node with every lambda written in place replaced by `fn` (its body is not the declaration). */
export function declarationText(node: SyntaxNode): string {
  return textWithout(node, (inner) => LAMBDAS.has(inner.type), 'fn');
}

function readAttribute(node: SyntaxNode): DotnetAttribute {
  const written = node.childForFieldName('name')?.text ?? '';
  const name = (written.split('.').pop() ?? '').replace(/<.*$/, '').replace(/(?<=\w)Attribute$/, '');
  const args: (StringExpression | null)[] = [];
  const namedArgs: Record<string, StringExpression> = {};
  const kept: string[] = [];
  const templates = ROUTE_ATTRIBUTES.has(name);
  for (const argument of named(named(node).find((child) => child.type === 'attribute_argument_list'))) {
    const value = named(argument)[0];
    if (value?.type === 'assignment_expression') {
      const key = value.childForFieldName('left')?.text ?? '';
      const string = csString(value.childForFieldName('right'));
      if (string) namedArgs[key] = string;
      if (!(templates && key === 'Route')) kept.push(declarationText(value));
      continue;
    }
    args.push(csString(argumentValue(argument)) ?? null);
    if (!templates) kept.push(declarationText(argument));
  }
  const options = templates ? kept.join(',') : `${name}(${kept.join(',')})`;
  return { name, line: lineOf(node), args, named: namedArgs, options };
}

/** The attributes of a declaration (its `[…]` lists, each attribute once). */
export function attributesOf(declaration: SyntaxNode): DotnetAttribute[] {
  return named(declaration)
    .filter((child) => child.type === 'attribute_list')
    .flatMap((list) =>
      named(list)
        .filter((child) => child.type === 'attribute')
        .map(readAttribute),
    );
}

/** The modifiers of a declaration, as written (`public`, `static`, `abstract`). */
export function modifiersOf(declaration: SyntaxNode): string[] {
  return named(declaration)
    .filter((child) => child.type === 'modifier')
    .map((child) => child.text);
}
