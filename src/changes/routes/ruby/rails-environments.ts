import type { SyntaxNode } from '../../../code/syntax/parse-source.js';

/** The branch nodes whose conditions may name the Rails environment. */
export const RAILS_BRANCH_NODE_TYPES = ['if', 'unless', 'elsif', 'if_modifier', 'unless_modifier'];

/** Environments that are not production: `local?` is development or test. */
const NOT_PRODUCTION = new Set(['development', 'test', 'local']);
const ENV_CHECK = /^(?:::)?Rails\.env\.(\w+)\?$/;
const ENV_COMPARED = /^(?:::)?Rails\.env(?:\.to_s)?$/;

/** Whether `a == b` / `a != b` compares the environment with a name: `Rails.env == "test"`. */
function comparison(node: SyntaxNode, operator: string): boolean | undefined {
  const left = node.childForFieldName('left')?.text.replace(/\s+/g, '') ?? '';
  const right = node.childForFieldName('right');
  const name = /^["':]?(\w+)["']?$/.exec(
    right?.type === 'string' || right?.type === 'simple_symbol' ? right.text : '',
  );
  const equal = ENV_COMPARED.test(left) ? namedEnvironment(name?.[1]) : undefined;
  return equal === undefined || operator === '==' ? equal : !equal;
}

/** What naming an environment is worth in production; undefined for a custom one (`staging`). */
function namedEnvironment(name: string | undefined): boolean | undefined {
  if (name === 'production') return true;
  return name !== undefined && NOT_PRODUCTION.has(name) ? false : undefined;
}

/**
 * What a condition is worth in production: `Rails.env.test?` false, `!Rails.env.production?`
 * false, `Rails.env.production?` true; undefined when it depends on anything else (a feature
 * flag, `ENV[...]`, a custom environment such as `staging?`).
 */
export function inProduction(node: SyntaxNode | null | undefined): boolean | undefined {
  if (!node) return undefined;
  const text = node.text.replace(/\s+/g, '');
  const checked = ENV_CHECK.exec(text)?.[1];
  if (checked !== undefined) return namedEnvironment(checked);
  const operator = node.childForFieldName('operator')?.text;
  if (node.type === 'parenthesized_statements' && node.namedChildCount === 1)
    return inProduction(node.namedChild(0));
  if (node.type === 'unary' && (operator === '!' || operator === 'not')) {
    const inner = inProduction(node.childForFieldName('operand'));
    return inner === undefined ? undefined : !inner;
  }
  if (node.type !== 'binary' || operator === undefined) return undefined;
  if (operator === '==' || operator === '!=') return comparison(node, operator);
  const left = inProduction(node.childForFieldName('left'));
  const right = inProduction(node.childForFieldName('right'));
  if (operator === '||' || operator === 'or')
    return left === true || right === true ? true : left === false && right === false ? false : undefined;
  if (operator === '&&' || operator === 'and')
    return left === false || right === false ? false : left === true && right === true ? true : undefined;
  return undefined;
}

/**
 * The parts of a branch that never run in production: the body of `if Rails.env.test?`, of
 * `unless Rails.env.production?`, the `else` of `if Rails.env.production?`. Routes there are
 * only served in development or test, so they are no endpoint of the deployed app.
 */
export function notInProduction(branch: SyntaxNode): SyntaxNode | undefined {
  const value = inProduction(branch.childForFieldName('condition'));
  if (value === undefined) return undefined;
  const runs = branch.type.startsWith('unless') ? !value : value;
  if (branch.type.endsWith('_modifier'))
    return runs ? undefined : (branch.childForFieldName('body') ?? undefined);
  return branch.childForFieldName(runs ? 'alternative' : 'consequence') ?? undefined;
}
