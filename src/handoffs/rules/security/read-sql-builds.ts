import type { CodeLanguage } from '../../../code/language.js';
import type { Grammar } from '../../../code/syntax/grammar.js';
import { lineOf } from '../../../code/syntax/node-text.js';
import type { SyntaxNode } from '../../../code/syntax/parse-source.js';
import { selectNodes } from '../../../code/syntax/select-nodes.js';
import {
  hasText,
  type BuildContext,
  type BuiltValue,
  type StringBuild,
} from './string-building/build-parts.js';
import { CALL_TYPES, nameOf, readCall, type CallShape } from './string-building/call-shape.js';
import { evaluate } from './string-building/string-build.js';
import { enclosingFunction } from './string-building/variable-writes.js';
import {
  containsSql,
  looksLikeSqlFragment,
  QUERY_METHODS,
  SQL_FRAGMENT_METHODS,
  SQL_PROPERTIES,
  standsForName,
} from './sql-sinks.js';

/**
 * SQL text built at runtime and sent to the database, read from the syntax tree: a query call
 * (or a query builder's raw fragment) whose SQL argument concatenates, interpolates or formats a
 * value that is not a constant, directly or through variables assigned in the same function.
 */

function outermostFunction(node: SyntaxNode): SyntaxNode | undefined {
  let outer = enclosingFunction(node);
  for (let next = outer && enclosingFunction(outer); next; next = enclosingFunction(next)) outer = next;
  return outer;
}

/** A query call that runs SQL built from runtime values. */
export interface SqlBuildFact {
  /** The line the call starts on. */
  line: number;
  /** The method that runs the SQL. */
  sink: string;
  values: BuiltValue[];
}

const SINK_GROUPS = { call: CALL_TYPES, assignment: ['assignment_expression'] };
/** Keys of a query given as an object: `db.query({ text, values })`. */
const SQL_KEYS = new Set(['text', 'sql', 'query']);
/** Fragment arguments given by name: Django's `extra(where=[…], select={…})`. */
const FRAGMENT_KEYS = ['where', 'select', 'order_by', 'tables'];
const LISTS = /^(?:array|list|dictionary|hash)$/;

/** Values worth a finding: from the request or a parameter anywhere, other runtime values where SQL takes data. */
function reportedValues(build: StringBuild): BuiltValue[] {
  return build.values.filter((value) => value.origin !== 'value' || !standsForName(value.before ?? ''));
}

function dynamicSql(build: StringBuild, fragment: boolean): boolean {
  if (!build.built || reportedValues(build).length === 0) return false;
  return fragment ? looksLikeSqlFragment(build.literal) : containsSql(build.text);
}

/** The argument carrying the SQL: the first of the first two that is a string (`QueryContext(ctx, sql)`, `mysqli_query($link, $sql)`). */
function sqlArgument(call: CallShape, context: BuildContext): StringBuild | undefined {
  const [first] = call.args;
  const keyed =
    first?.type === 'object'
      ? first.namedChildren.find(
          (pair) => pair?.type === 'pair' && SQL_KEYS.has(pair.childForFieldName('key')?.text ?? ''),
        )
      : undefined;
  const candidates = keyed?.childForFieldName('value')
    ? [keyed.childForFieldName('value')]
    : call.args.slice(0, 2);
  for (const candidate of candidates) {
    const build = candidate && evaluate(candidate, context);
    if (build && hasText(build)) return build;
  }
  return undefined;
}

/** The fragment a query builder is handed, element by element when it is a list. */
function fragmentArgument(call: CallShape, context: BuildContext): StringBuild | undefined {
  const given = [call.args[0], ...FRAGMENT_KEYS.map((key) => call.named.get(key))];
  for (const argument of given) {
    if (!argument) continue;
    const parts = LISTS.test(argument.type) ? argument.namedChildren : [argument];
    for (const part of parts) {
      const value = part?.type === 'pair' ? part.childForFieldName('value') : part;
      const build = value && evaluate(value, context);
      if (build && dynamicSql(build, true)) return build;
    }
  }
  return undefined;
}

function languageOf(grammar: Grammar): CodeLanguage {
  return grammar === 'tsx' ? 'typescript' : grammar;
}

function callFact(node: SyntaxNode, context: BuildContext, language: CodeLanguage): SqlBuildFact | undefined {
  const call = readCall(node);
  if (!call || call.tagged) return undefined;
  const fragment = SQL_FRAGMENT_METHODS[language]?.has(call.name) === true;
  if (!fragment && !QUERY_METHODS[language].has(call.name)) return undefined;
  const build = fragment ? fragmentArgument(call, context) : sqlArgument(call, context);
  return build && dynamicSql(build, fragment)
    ? { line: lineOf(node), sink: call.name, values: reportedValues(build) }
    : undefined;
}

/** ADO.NET's `command.CommandText = sql`. */
function propertyFact(node: SyntaxNode, context: BuildContext): SqlBuildFact | undefined {
  const property = nameOf(node.childForFieldName('left'));
  const value = node.childForFieldName('right');
  if (!SQL_PROPERTIES.has(property) || !value) return undefined;
  const build = evaluate(value, context);
  return dynamicSql(build, false)
    ? { line: lineOf(node), sink: property, values: reportedValues(build) }
    : undefined;
}

/**
 * The query calls that run SQL built at runtime, among those `touched` keeps: a call is read only
 * when the pull request changed a line of the function around it (the outermost: a callback runs what
 * its function built), or of the file, outside functions,
 * since only there can a line it wrote build or run the SQL.
 */
export function readSqlBuilds(
  root: SyntaxNode,
  grammar: Grammar,
  touched: (node: SyntaxNode) => boolean,
): SqlBuildFact[] {
  const language = languageOf(grammar);
  const context: BuildContext = { grammar, root, depth: 0, evaluate };
  const { call, assignment } = selectNodes(grammar, root, SINK_GROUPS);
  const inTouchedCode = (node: SyntaxNode): boolean => touched(outermostFunction(node) ?? root);
  return [
    ...call.filter(inTouchedCode).map((node) => callFact(node, context, language)),
    ...assignment.filter(inTouchedCode).map((node) => propertyFact(node, context)),
  ].filter((fact): fact is SqlBuildFact => fact !== undefined);
}
