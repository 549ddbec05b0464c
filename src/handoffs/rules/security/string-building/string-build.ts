import type { SyntaxNode } from '../../../../code/syntax/parse-source.js';
import {
  CONSTANT,
  CONSTANT_NAME,
  either,
  hasText,
  joined,
  literal,
  NAME_TYPES,
  type BuildContext,
  type StringBuild,
  type ValueJoin,
} from './build-parts.js';
import { CALL_TYPES, operatorOf } from './call-shape.js';
import { percentFormatted, readCallValue, readMacroValue } from './call-value.js';
import { leafValue, resolveName } from './name-values.js';

/** String literals across the grammars, interpolating ones included. */
const STRING_NODES = new Set([
  ...['string', 'template_string', 'string_literal', 'interpreted_string_literal', 'raw_string_literal'],
  ...[
    'verbatim_string_literal',
    'raw_string',
    'encapsed_string',
    'heredoc',
    'nowdoc',
    'heredoc_body',
    'nowdoc_body',
  ],
  ...['text_block', 'line_string_literal', 'multi_line_string_literal', 'multiline_string_literal'],
  ...['interpolated_string_expression', 'sigil'],
]);
const CONTENT =
  /^(?:string_fragment|string_content|escape_sequence|quoted_content|string_literal_content|raw_string_literal_content|interpreted_string_literal_content|multiline_string_fragment|heredoc_content|nowdoc_string|string_value)$/;
const DELIMITERS =
  /^(?:string_start|string_end|interpolation_start|interpolation_brace|interpolation_quote|heredoc_start|heredoc_end|sigil_name|sigil_modifiers|format_specifier|type_conversion|interpolation_format_clause|interpolation_alignment_clause)$/;
const INTERPOLATIONS = new Set([
  'template_substitution',
  'interpolation',
  'string_interpolation',
  'interpolated_expression',
]);
const INERT =
  /^(?:number|integer|float|\w*integer_literal|\w*floating_point_literal|int_literal|float_literal|real_literal|boolean|boolean_literal|true|false|null|nil|none|null_literal|undefined|simple_symbol|atom|character_literal|char_literal|rune_literal)$/;
const TRANSPARENT = new Set([
  ...['parenthesized_expression', 'parenthesized_statements', 'reference_expression', 'await_expression'],
  ...[
    'non_null_expression',
    'as_expression',
    'satisfies_expression',
    'expression_list',
    'argument',
    'value_argument',
  ],
]);
const BINARY = new Set(['binary_expression', 'binary_operator', 'binary', 'additive_expression']);
const CONCATENATION = new Set(['+', '.', '<>']);
/** `a || b`, `a ?? b`: either side may be the value. */
const FALLBACK = new Set(['||', '??', 'or', '?:', '&&', 'and']);
const CONDITIONALS = new Set([
  'ternary_expression',
  'conditional_expression',
  'conditional',
  'if_expression',
]);
const MEMBERS =
  /member|attribute|selector|field_access|field_expression|navigation|scoped_identifier|constant_access|scope_resolution|^dot$/;
/** Sizes and counts: numbers, whatever they measure. */
const COUNT_NAME = /^(?:length|size|count|Count|Length|len)$/;
const NUMERIC_CAST =
  /^\(?\s*(?:int|integer|long|short|float|double|decimal|bool|boolean|i32|i64|u32|u64|usize)\s*\)?$/i;
const KOTLIN_NAME = /^[A-Za-z_]\w*/;
/** A list of pieces (`["name = %s"]`, `[]`) reads as its pieces written one after the other. */
const LIST_LITERALS = new Set(['array', 'list']);

function children(node: SyntaxNode): SyntaxNode[] {
  return node.namedChildren.filter((child): child is SyntaxNode => child !== null);
}

function interpolated(node: SyntaxNode, context: BuildContext): StringBuild {
  const inner =
    node.childForFieldName('expression') ?? children(node).find((child) => !DELIMITERS.test(child.type));
  return inner ? { ...context.evaluate(inner, context, 'interpolated'), built: true } : CONSTANT;
}

/** Kotlin's grammar reads `$name` in a one-line string as text: `$`, then content starting with the name. */
function kotlinName(context: BuildContext, previous: SyntaxNode | undefined, child: SyntaxNode): string {
  if (context.grammar !== 'kotlin' || previous?.text !== '$' || child.type !== 'string_content') return '';
  return KOTLIN_NAME.exec(child.text)?.[0] ?? '';
}

/** A string literal with whatever it interpolates: `${x}`, `#{x}`, `{x}` in f-strings and `$"…"`, PHP's `"$x"`, Kotlin's `$x`. */
function readString(node: SyntaxNode, context: BuildContext): StringBuild {
  const parts = children(node);
  if (parts.length === 0) return literal(node.text.replace(/^[a-zA-Z@$]*("""|'''|"|'|`)([\s\S]*)\1$/, '$2'));
  const builds = parts.map((child, index): StringBuild => {
    if (DELIMITERS.test(child.type)) return literal('');
    const name = kotlinName(context, parts[index - 1], child);
    if (name) {
      const value = { ...resolveName(name, child, context, 'interpolated'), built: true };
      return joined([value, literal(child.text.slice(name.length))]);
    }
    if (
      context.grammar === 'kotlin' &&
      child.text === '$' &&
      kotlinName(context, child, parts[index + 1] ?? child)
    )
      return literal('');
    if (CONTENT.test(child.type)) return literal(child.text);
    if (INTERPOLATIONS.has(child.type)) return interpolated(child, context);
    if (STRING_NODES.has(child.type)) return readString(child, context);
    return { ...context.evaluate(child, context, 'interpolated'), built: true };
  });
  return joined(builds, false);
}

function readBinary(node: SyntaxNode, context: BuildContext, how: ValueJoin): StringBuild {
  const left = node.childForFieldName('left') ?? node.firstNamedChild;
  const right = node.childForFieldName('right') ?? node.lastNamedChild;
  if (!left || !right) return CONSTANT;
  const operator = operatorOf(node);
  if (FALLBACK.has(operator))
    return either([context.evaluate(left, context, how), context.evaluate(right, context, how)]);
  if (operator === '%') {
    const template = context.evaluate(left, context, how);
    return hasText(template) ? percentFormatted(template, right, context) : CONSTANT;
  }
  if (!CONCATENATION.has(operator)) return CONSTANT;
  const parts = [
    context.evaluate(left, context, 'concatenated'),
    context.evaluate(right, context, 'concatenated'),
  ];
  return joined(parts, parts.some(hasText));
}

function readConditional(node: SyntaxNode, context: BuildContext, how: ValueJoin): StringBuild {
  const condition =
    node.childForFieldName('condition') ??
    (node.type === 'conditional_expression' && !node.childForFieldName('consequence')
      ? node.namedChild(1)
      : null);
  const branches = children(node).filter((child) => child.id !== condition?.id);
  return either(branches.map((branch) => context.evaluate(branch, context, how)));
}

function lastName(node: SyntaxNode): string {
  const last =
    node.childForFieldName('property') ??
    node.childForFieldName('attribute') ??
    node.childForFieldName('field') ??
    node.childForFieldName('name') ??
    node.lastNamedChild;
  return last?.text ?? '';
}

/** Reads what string `node` builds (see `StringBuild`); pass it as the context's `evaluate`. */
export function evaluate(
  node: SyntaxNode,
  context: BuildContext,
  how: ValueJoin = 'concatenated',
): StringBuild {
  const type = node.type;
  if (TRANSPARENT.has(type)) {
    const inner =
      node.childForFieldName('value') ?? node.childForFieldName('expression') ?? node.firstNamedChild;
    return inner ? evaluate(inner, context, how) : CONSTANT;
  }
  if (type === 'cast_expression') {
    const value = node.childForFieldName('value') ?? node.lastNamedChild;
    if (NUMERIC_CAST.test(node.childForFieldName('type')?.text ?? '') || !value) return CONSTANT;
    return evaluate(value, context, how);
  }
  if (STRING_NODES.has(type)) return readString(node, context);
  if (type === 'concatenated_string')
    return joined(
      children(node).map((part) => readString(part, context)),
      false,
    );
  if (INERT.test(type)) return CONSTANT;
  if (BINARY.has(type)) return readBinary(node, context, how);
  if (CONDITIONALS.has(type)) return readConditional(node, context, how);
  if (type === 'macro_invocation') return readMacroValue(node, context);
  if (LIST_LITERALS.has(type))
    return joined(
      children(node).map((element) => evaluate(element, context, how)),
      false,
    );
  if (type === 'composite_literal') {
    // Go's `[]string{"a = ?"}`: the elements of its body.
    const elements = children(node.childForFieldName('body') ?? node).flatMap(children);
    return joined(
      elements.map((element) => evaluate(element, context, how)),
      false,
    );
  }
  if (CALL_TYPES.includes(type)) return readCallValue(node, context, how);
  if (NAME_TYPES.has(type)) return resolveName(node.text, node, context, how);
  const last = MEMBERS.test(type) ? lastName(node) : '';
  if (CONSTANT_NAME.test(last) || COUNT_NAME.test(last)) return CONSTANT;
  return leafValue(node, context, how);
}
