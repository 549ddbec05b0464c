import type { SyntaxNode } from '../../../../code/syntax/parse-source.js';
import {
  CONSTANT,
  hasText,
  joined,
  placedAfter,
  textsBefore,
  type BuildContext,
  type StringBuild,
} from './build-parts.js';
import { readCall, type CallShape } from './call-shape.js';
import { BRACES, EMPTY_MAKERS, INERT_CALLS, JOIN, PASS_THROUGH, PRINTF, SANITIZER } from './string-calls.js';
import { leafValue, resolveName } from './name-values.js';

/**
 * What a call contributes to a string: formatting calls build one from a template and values,
 * wrappers and conversions pass their argument through, a few calls yield numbers or escaped text
 * (no SQL can ride on them), and any other call is a runtime value.
 */

const LISTS =
  /^(?:array|list|array_expression|composite_literal|collection_literal|array_creation_expression|tuple|literal_value)$/;
/** Conversions that print numbers or booleans: a value formatted through one cannot carry SQL. */
const NUMERIC_CONVERSION = /^[diouxXeEfFgGbct]$/;
const CONVERSION = /%(?:\(\w+\))?[-#0 +']*(?:\d+|\*)?(?:\.(?:\d+|\*))?(?:hh|h|ll|l|L|q|j|z)?([a-zA-Z%])/g;

/** Pieces of a list of placeholders: `?`, `$1`, `%s`, `:name`, `@p0`, with commas and brackets. */
const PLACEHOLDER_PIECE = /^(?:[\s,()]|\?|%s|\$\d*|@p?\d*|:\w*)*$/;
const HAS_PLACEHOLDER = /\?|%s|\$|@p?\d|:\w/;

/** The literal pieces of strings under `node` (a few levels down). */
function stringPieces(node: SyntaxNode, pieces: string[], budget = { left: 200 }): void {
  if (--budget.left < 0) return;
  if (
    /string_fragment|string_content|quoted_content|string_literal_content|interpreted_string_literal_content/.test(
      node.type,
    )
  ) {
    pieces.push(node.text);
    return;
  }
  for (const child of node.namedChildren) if (child) stringPieces(child, pieces, budget);
}

/** `ids.map(() => '?').join(',')`, `", ".join(["%s"] * len(ids))`: a list of placeholders, built from constants alone. */
function isPlaceholderList(node: SyntaxNode): boolean {
  const pieces: string[] = [];
  stringPieces(node, pieces);
  return (
    pieces.length > 0 &&
    pieces.every((piece) => PLACEHOLDER_PIECE.test(piece)) &&
    pieces.some((piece) => HAS_PLACEHOLDER.test(piece))
  );
}

/** The elements a list literal or a tuple holds (`%` takes its values as one). */
function elementsOf(node: SyntaxNode): SyntaxNode[] {
  const inner = node.type === 'parenthesized_expression' ? (node.firstNamedChild ?? node) : node;
  if (!LISTS.test(inner.type) && inner.type !== 'dictionary' && inner.type !== 'hash') return [inner];
  return inner.namedChildren
    .filter((child): child is SyntaxNode => child !== null && child.type !== 'comment')
    .map((child) => (/pair/.test(child.type) ? (child.childForFieldName('value') ?? child) : child));
}

/** Placeholders of positional-brace formats: `{}`, `{0}`, `{name}`, `{:?}`. */
const BRACE_HOLE = /\{[^{}]*\}/g;

/** A template filled with values: the template's text, every value that is not printed as a number. */
export function formatted(
  template: StringBuild,
  values: readonly SyntaxNode[],
  context: BuildContext,
  printf: boolean,
): StringBuild {
  const holes = printf ? [...template.literal.matchAll(CONVERSION)].filter((hole) => hole[1] !== '%') : [];
  const before = textsBefore(template.literal, printf ? CONVERSION : BRACE_HOLE);
  const paired = printf && holes.length === values.length;
  const parts = values
    .map((value, index) => ({ value, before: before[index] ?? '', conversion: holes[index]?.[1] ?? '' }))
    .filter((hole) => !paired || !NUMERIC_CONVERSION.test(hole.conversion))
    .map((hole) => ({
      ...placedAfter(context.evaluate(hole.value, context, 'formatted'), hole.before),
      text: '',
      literal: '',
    }));
  return joined([template, ...parts]);
}

/** `new ArrayList<>()`, `mutableListOf()`, `Vec::new()`: an empty collection holds nothing from outside. */
function isEmptyCollection(call: CallShape): boolean {
  return (
    call.args.length === 0 && (call.node.type === 'object_creation_expression' || EMPTY_MAKERS.has(call.name))
  );
}

function formatOf(call: CallShape, context: BuildContext): StringBuild | undefined {
  const braces = BRACES.has(call.name) || (call.name === 'format' && context.grammar === 'python');
  if (!braces && !PRINTF.has(call.name)) return undefined;
  const named = [...call.named.values()];
  const receiver = call.receiver ? context.evaluate(call.receiver, context, 'formatted') : undefined;
  if (receiver && hasText(receiver)) return formatted(receiver, [...call.args, ...named], context, !braces);
  const [first, ...rest] = call.args;
  const template = first && context.evaluate(first, context, 'formatted');
  if (!template || !hasText(template)) return undefined;
  const values = call.name === 'vsprintf' && rest[0] ? elementsOf(rest[0]) : rest;
  return formatted(template, [...values, ...named], context, !braces);
}

/**
 * `concat`, Go's `append(list, …)` and the joins of a list: the pieces joined. A join called on a
 * list (`where.join(' AND ')`, `" AND ".join(conditions)`) reads its receiver; one given the list and
 * the separator (`strings.Join(parts, ",")`, `String.join(" AND ", conditions)`) does not.
 */
function joinOf(call: CallShape, context: BuildContext): StringBuild | undefined {
  const appends = call.name === 'append' && !call.receiver;
  if (call.name !== 'concat' && !appends && !JOIN.has(call.name)) return undefined;
  const onReceiver = call.name === 'concat' || call.args.length === 1;
  const pieces = [...(onReceiver && call.receiver ? [call.receiver] : []), ...call.args];
  const parts = pieces.map((piece) => context.evaluate(piece, context, 'concatenated'));
  return call.name !== 'concat' || parts.some(hasText) ? joined(parts) : undefined;
}

function passedThrough(call: CallShape): SyntaxNode | undefined {
  const fromString = call.name === 'from' && call.receiver?.text === 'String';
  if (!PASS_THROUGH.has(call.name) && !fromString) return undefined;
  return call.args.length === 0 ? call.receiver : call.args[0];
}

/** What the call `node` makes of a string (see `StringBuild`). */
export function readCallValue(
  node: SyntaxNode,
  context: BuildContext,
  how: StringBuild['values'][number]['how'],
): StringBuild {
  const call = readCall(node);
  if (!call) return leafValue(node, context, how);
  if (INERT_CALLS.has(call.name) || SANITIZER.test(call.name)) return CONSTANT;
  if (isPlaceholderList(node) || isEmptyCollection(call)) return CONSTANT;
  const built = formatOf(call, context) ?? joinOf(call, context);
  if (built) return built;
  const inner = passedThrough(call);
  return inner ? context.evaluate(inner, context, how) : leafValue(node, context, how);
}

/** Rust's `format!("… {} {name}", value)`: the template, its positional values and the names it captures. */
export function readMacroValue(node: SyntaxNode, context: BuildContext): StringBuild {
  const name = node.childForFieldName('macro')?.text.split('::').pop() ?? '';
  const tokens = node.namedChildren.find((child) => child?.type === 'token_tree');
  const template = tokens?.namedChildren.find((child) => child?.type === 'string_literal');
  if ((name !== 'format' && name !== 'format_args') || !tokens || !template)
    return leafValue(node, context, 'formatted');
  const text = context.evaluate(template, context, 'formatted');
  const captured = [...text.literal.matchAll(/\{([A-Za-z_]\w*)(?::[^}]*)?\}/g)].map((match) =>
    placedAfter(
      resolveName(match[1] ?? '', template, context, 'formatted'),
      text.literal.slice(0, match.index),
    ),
  );
  const before = textsBefore(text.literal, /\{(?::[^}]*)?\}/g);
  const groups: SyntaxNode[][] = [[]];
  for (const child of tokens.children) {
    if (!child || child.startIndex <= template.startIndex) continue;
    if (child.type === ',') groups.push([]);
    else if (child.isNamed) groups[groups.length - 1]?.push(child);
  }
  const positional = groups
    .filter((group) => group.length > 0)
    .map((group, index) => placedAfter(positionalValue(group, tokens, context), before[index] ?? ''));
  return joined([text, ...[...captured, ...positional].map((part) => ({ ...part, text: '', literal: '' }))]);
}

/** One positional argument of a macro, as its tokens. */
function positionalValue(group: SyntaxNode[], tokens: SyntaxNode, context: BuildContext): StringBuild {
  const [first, ...more] = group;
  if (!first) return CONSTANT;
  if (more.length === 0) return context.evaluate(first, context, 'formatted');
  // A token tree has no expressions: `p.name` is `p`, `.`, `name`. The first name says where the value comes from.
  const label = tokens.text.slice(
    first.startIndex - tokens.startIndex,
    (more[more.length - 1] ?? first).endIndex - tokens.startIndex,
  );
  const traced = context.evaluate(first, context, 'formatted');
  return { ...traced, values: traced.values.map((value) => ({ ...value, label, from: undefined })) };
}

/** Python's and Ruby's `"… %s …" % values`. */
export function percentFormatted(
  template: StringBuild,
  values: SyntaxNode,
  context: BuildContext,
): StringBuild {
  return formatted(template, elementsOf(values), context, true);
}
