import { lineOf } from '../../../code/syntax/node-text.js';
import type { SyntaxNode } from '../../../code/syntax/parse-source.js';
import type { StringExpression, StringPiece } from '../string-expression.js';
import { annotationOf, type AnnotationArgument } from './jvm-annotations.js';
import type { JvmAnnotation } from './jvm-facts.js';

/** A node's named children, without the nulls. */
export function named(node: SyntaxNode | null | undefined): SyntaxNode[] {
  return (node?.namedChildren ?? []).filter((child): child is SyntaxNode => child !== null);
}

/** True when a node has an anonymous child `token` (a keyword, `=`, `*`). */
export function hasToken(node: SyntaxNode | undefined, token: string): boolean {
  return node?.children.some((child) => child?.type === token) ?? false;
}

/** `$NAME` and `${NAME}` templates in a run of literal text become references. */
function splitTemplates(raw: string): StringPiece[] {
  const pieces: StringPiece[] = [];
  let last = 0;
  for (const match of raw.matchAll(/\$([A-Za-z_]\w*)/g)) {
    if (match.index > last) pieces.push({ text: raw.slice(last, match.index) });
    pieces.push({ ref: match[1] ?? '' });
    last = match.index + match[0].length;
  }
  if (last < raw.length) pieces.push({ text: raw.slice(last) });
  return pieces;
}

function kotlinStringLiteral(node: SyntaxNode): StringExpression | undefined {
  const pieces: StringPiece[] = [];
  let raw = '';
  const flush = () => {
    pieces.push(...splitTemplates(raw));
    raw = '';
  };
  for (const child of named(node)) {
    if (child.type === 'string_content') raw += child.text;
    else if (child.type === 'escape_sequence') {
      flush();
      pieces.push({ text: child.text.replace(/^\\/, '') });
    } else if (child.type === 'interpolation') {
      flush();
      const inner = kotlinString(named(child)[0]);
      if (!inner) return undefined;
      pieces.push(...inner);
    }
  }
  flush();
  return pieces;
}

/** A string-valued expression: literals with `$CONST` templates, `+` and constant references. */
export function kotlinString(node: SyntaxNode | null | undefined): StringExpression | undefined {
  if (!node) return undefined;
  switch (node.type) {
    case 'string_literal':
    case 'multiline_string_literal':
      return kotlinStringLiteral(node);
    case 'binary_expression': {
      if (node.childForFieldName('operator')?.type !== '+') return undefined;
      const left = kotlinString(node.childForFieldName('left'));
      const right = kotlinString(node.childForFieldName('right'));
      return left && right ? [...left, ...right] : undefined;
    }
    case 'identifier':
    case 'navigation_expression':
      return [{ ref: node.text.replace(/\s+/g, '') }];
    case 'parenthesized_expression':
      return kotlinString(named(node)[0]);
    default:
      return undefined;
  }
}

/** An argument's values: one expression, or each element of `[…]` and `arrayOf(…)`. */
function kotlinValues(node: SyntaxNode): StringExpression[] {
  if (node.type === 'collection_literal') return named(node).flatMap(kotlinValues);
  if (node.type === 'call_expression' && /^(arrayOf|listOf)$/.test(named(node)[0]?.text ?? ''))
    return named(named(node)[1]).flatMap((arg) => named(arg).flatMap(kotlinValues));
  return [kotlinString(node) ?? [{ ref: node.text.replace(/\s+/g, '') }]];
}

function readArgument(arg: SyntaxNode): AnnotationArgument {
  const children = named(arg);
  const isNamed = hasToken(arg, '=');
  const value = isNamed ? children[1] : children[0];
  return {
    name: isNamed ? children[0]?.text : undefined,
    values: value ? kotlinValues(value) : [],
    text: arg.text,
  };
}

/** An `annotation` node: `@Name` or `@Name(args)`; undefined for a form it cannot read. */
export function readAnnotation(node: SyntaxNode): JvmAnnotation | undefined {
  const body = named(node).find(
    (child) => child.type === 'user_type' || child.type === 'constructor_invocation',
  );
  if (!body) return undefined;
  const type = body.type === 'user_type' ? body : named(body).find((child) => child.type === 'user_type');
  const name =
    named(type)
      .filter((child) => child.type === 'identifier')
      .pop()?.text ?? '';
  const args = named(named(body).find((child) => child.type === 'value_arguments'));
  return annotationOf(name, lineOf(node), args.map(readArgument));
}
