import type { Grammar } from '../../../../code/syntax/grammar.js';
import type { SyntaxNode } from '../../../../code/syntax/parse-source.js';
import { selectNodes } from '../../../../code/syntax/select-nodes.js';
import { FUNCTIONS, type VariableWrite } from './variable-writes.js';

/**
 * Values checked against a list of allowed ones: whatever passes the check is one of the code's own
 * values, so what the check lets through cannot carry SQL from outside.
 */

/** Membership tests: `allowed[key]`, `key in ALLOWED`, `ALLOWED.includes(key)`, `in_array($key, …)`. */
const MEMBERSHIP =
  /\[\s*NAME\s*\]|\bNAME\s+(?:not\s+)?in\b|(?:includes|contains\w*|has|has_key|include\?|indexOf|in_array|Contains)\(\s*NAME\b|\(NAME\)\s*(?:==|!=)/;
const CONDITIONALS = {
  check: ['if_statement', 'if', 'if_expression', 'unless', 'if_modifier', 'unless_modifier'],
};
const LEAVES = /\b(?:return|raise|throw|panic|abort|abort_if|halt)\b/;

/** A check that fails: `!allowed[x]`, `x not in ALLOWED`, `indexOf(x) === -1`. */
const NEGATED = /!(?!=)|\bnot\b|={2,3}\s*(?:-1|false)\b/;

/** True when `condition` holds for a value outside the list (or `check` is an `unless`). */
function testsMembership(condition: SyntaxNode | null, name: string, check?: SyntaxNode): boolean {
  if (!condition) return false;
  if (!/^unless/.test(check?.type ?? '') && !NEGATED.test(condition.text)) return false;
  const membership = new RegExp(MEMBERSHIP.source.replace(/NAME/g, name.replace(/[$]/g, '\\$&')));
  return membership.test(condition.text.replace(/\s+/g, ' '));
}

/**
 * True when `write` resets the variable inside a check of it against a list of allowed values
 * (`if !allowedOrder[orderKey] { orderKey = "id" }`): whatever it held before is one of the allowed ones.
 */
export function resetsAfterAllowlist(write: VariableWrite, name: string): boolean {
  for (let parent = write.node.parent; parent && !FUNCTIONS.has(parent.type); parent = parent.parent) {
    if (/^(?:if|unless)/.test(parent.type) && parent.childForFieldName('condition'))
      return testsMembership(parent.childForFieldName('condition'), name, parent);
  }
  return false;
}

/**
 * True when, before `before`, `scope` leaves (returns, raises, throws) unless `name` is one of a list
 * of allowed values: `if !orderMap[order] { return err }`, `if sort not in ALLOWED: raise …`.
 */
export function guardedByAllowlist(
  grammar: Grammar,
  scope: SyntaxNode,
  name: string,
  before: number,
): boolean {
  const { check } = selectNodes(grammar, scope, CONDITIONALS);
  return check.some((node) => {
    if (node.endIndex > before) return false;
    const body =
      node.childForFieldName('consequence') ?? node.childForFieldName('body') ?? node.namedChild(1);
    return (
      testsMembership(node.childForFieldName('condition'), name, node) &&
      body !== null &&
      LEAVES.test(body.text)
    );
  });
}
