import { lineOf } from '../../../../code/syntax/node-text.js';
import type { SyntaxNode } from '../../../../code/syntax/parse-source.js';
import {
  CONSTANT,
  CONSTANT_NAME,
  labelOf,
  literal,
  placedAfter,
  MAX_DEPTH,
  type BuildContext,
  type StringBuild,
  type BuiltValue,
  type ValueJoin,
} from './build-parts.js';
import { parameterOrigin, readsRequest, rootName, type ValueOrigin } from './value-origin.js';
import { guardedByAllowlist, resetsAfterAllowlist } from './allowlist-checks.js';
import { enclosingFunction, parameterOf, writesOf } from './variable-writes.js';

/** Names of lists of placeholders (`placeholders`, `qmarks`): built from `?` and `$1`, not from values. */
const PLACEHOLDER_NAME = /placeholder|qmarks?$|bind_?marks?/i;

const RANK: Record<ValueOrigin, number> = { request: 2, parameter: 1, value: 0 };

function strongest(values: readonly BuiltValue[]): ValueOrigin {
  return values.reduce<ValueOrigin>(
    (best, value) => (RANK[value.origin] > RANK[best] ? value.origin : best),
    'value',
  );
}

/** A runtime value not followed further (a call, a member, a subscript), traced by what it reads or the variable it starts from. */
export function leafValue(
  node: SyntaxNode,
  context: BuildContext,
  how: ValueJoin,
  label = node.text,
): StringBuild {
  let origin: ValueOrigin = readsRequest(label) ? 'request' : 'value';
  const root = rootName(node);
  if (origin === 'value' && root && root.id !== node.id && context.depth < MAX_DEPTH) {
    origin = strongest(resolveName(root.text, root, { ...context, depth: context.depth + 1 }, how).values);
  }
  return { ...CONSTANT, values: [{ label: labelOf(label), origin, how, line: lineOf(node), writers: [] }] };
}

/**
 * Every write of a variable before its use. A write that builds a string (or appends to one) is where
 * its values enter the SQL and is remembered for them; a write that only hands a value on
 * (`const { name } = req.query`) is not, and its values are placed at the use instead.
 */
function fromWrites(
  writes: ReturnType<typeof writesOf>,
  at: SyntaxNode,
  context: BuildContext,
  how: ValueJoin,
): StringBuild {
  const deeper = { ...context, depth: context.depth + 1 };
  const name = at.text;
  const held: StringBuild = { text: '', literal: '', built: false, values: [] };
  const allowlisted = writes.some((write) => resetsAfterAllowlist(write, name));
  for (const write of writes) {
    const build = write.value ? context.evaluate(write.value, deeper, how) : literal('');
    const builds = build.built || write.appends;
    const line = builds ? lineOf(write.node) : lineOf(at);
    // An append writes after what the variable held; a plain assignment's values are placed where the variable is used.
    const placed = write.appends ? placedAfter(build, held.text) : build;
    const values = placed.values.map((value) =>
      builds
        ? { ...value, writers: [...value.writers, line] }
        : { ...value, label: name, from: value.from ?? value.label, line, how },
    );
    held.text += build.text;
    held.literal += build.literal;
    held.built ||= builds;
    if (!allowlisted || builds) held.values.push(...values);
  }
  return held;
}

/**
 * Follows a variable: to its writes in the function that uses it (then the functions around it),
 * to a parameter, then to the file's own fields and constants. A name found nowhere is a runtime value.
 */
export function resolveName(
  name: string,
  at: SyntaxNode,
  context: BuildContext,
  how: ValueJoin,
): StringBuild {
  if (PLACEHOLDER_NAME.test(name) || context.depth >= MAX_DEPTH) return CONSTANT;
  let scope = enclosingFunction(at);
  if (scope && guardedByAllowlist(context.grammar, scope, name, at.startIndex)) return CONSTANT;
  for (let hops = 0; hops < 4; hops += 1) {
    const writes = writesOf(context.grammar, context.root, scope, name, at.startIndex);
    if (writes.length > 0) {
      const value = fromWrites(writes, at, context, how);
      return CONSTANT_NAME.test(name) ? { ...value, built: false, values: [] } : value;
    }
    const parameter = scope && parameterOf(scope, name);
    if (scope && parameter) {
      const origin = parameterOrigin(parameter, scope);
      if (origin === 'inert') return CONSTANT;
      return { ...CONSTANT, values: [{ label: name, origin, how, line: lineOf(at), writers: [] }] };
    }
    if (!scope) break;
    scope = enclosingFunction(scope);
  }
  if (CONSTANT_NAME.test(name)) return CONSTANT;
  return leafValue(at, { ...context, depth: MAX_DEPTH }, how, name);
}
