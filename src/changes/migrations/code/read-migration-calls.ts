import type { Grammar } from '../../../code/syntax/grammar.js';
import { lineOf, endLineOf, stringValue } from '../../../code/syntax/node-text.js';
import type { SyntaxNode } from '../../../code/syntax/parse-source.js';
import { selectNodes } from '../../../code/syntax/select-nodes.js';
import type { CallSyntax } from './call-syntax.js';
import type { CallValue, MigrationCall } from './migration-call.js';

const ROLLBACK = new Set(['down', 'downgrade', 'Down', 'rollback']);
const BOOLEAN: Readonly<Record<string, boolean>> = { true: true, false: false, True: true, False: false };

interface Reading {
  syntax: CallSyntax;
  /** Call nodes read so far, by node id. */
  calls: Map<number, { call: MigrationCall; node: SyntaxNode; block?: SyntaxNode }>;
  /** Calls that are part of another (an argument's value, a chained link): not statements of their own. */
  consumed: Set<number>;
  /** For a chained link, the call its chain starts with. */
  roots: Map<number, MigrationCall>;
}

function readValue(reading: Reading, node: SyntaxNode): CallValue {
  const { syntax } = reading;
  const value: CallValue = { text: node.text, line: lineOf(node) };
  const string = stringValue(node) ?? syntax.literal?.(node);
  if (string !== undefined) value.string = string;
  const boolean = BOOLEAN[node.text];
  if (boolean !== undefined) value.boolean = boolean;
  const items = syntax.listItems(node);
  if (items) value.items = items.map((item) => readValue(reading, item));
  const entries = syntax.mapEntries(node);
  if (entries)
    value.pairs = Object.fromEntries(entries.map((entry) => [entry.key, readValue(reading, entry.value)]));
  if (syntax.calls.includes(node.type)) {
    const call = readCall(reading, node);
    if (call) {
      value.call = call;
      reading.consumed.add(node.id);
    }
  }
  return value;
}

function readCall(reading: Reading, node: SyntaxNode): MigrationCall | undefined {
  const known = reading.calls.get(node.id);
  if (known) return known.call;
  const parts = reading.syntax.callParts(node);
  if (!parts) return undefined;
  const call: MigrationCall = {
    name: parts.name,
    line: lineOf(node),
    endLine: endLineOf(node),
    args: [],
    named: {},
    chain: [],
    body: [],
  };
  reading.calls.set(node.id, { call, node, ...(parts.block ? { block: parts.block } : {}) });
  if (parts.receiver) call.receiver = parts.receiver.text;
  for (const arg of parts.args) {
    const value = readValue(reading, arg.value);
    if (arg.key === undefined) call.args.push(value);
    else call.named[arg.key] = value;
  }
  // `x.a().b()`: b is a link of a's chain, not a statement of its own.
  if (parts.receiver && reading.syntax.calls.includes(parts.receiver.type)) {
    const head = readCall(reading, parts.receiver);
    if (head) {
      // `x.a().b().c()`: every link joins the chain of the call that starts it.
      const root = reading.roots.get(parts.receiver.id) ?? head;
      root.chain.push({ name: call.name, args: call.args });
      reading.roots.set(node.id, root);
      reading.consumed.add(node.id);
    }
  }
  return call;
}

const within = (node: SyntaxNode, range: SyntaxNode): boolean =>
  node.startIndex >= range.startIndex && node.endIndex <= range.endIndex && node.id !== range.id;

/** Calls a rollback function makes that only say it cannot roll back. */
const REFUSALS = /^(raise|Error|\w*Error|\w*Exception|IrreversibleMigration)$/;

/** A migration's statements, and whether it has a rollback function that does something. */
export interface MigrationCalls {
  statements: MigrationCall[];
  rollback: boolean;
}

/**
 * The statements of a migration written in code: its calls outside rollback functions
 * (`down`, `downgrade`, `Down`), each with the calls of its block nested in `body`. Calls
 * that are arguments or chained links of another call are folded into it.
 */
export function readMigrationCalls(grammar: Grammar, root: SyntaxNode, syntax: CallSyntax): MigrationCalls {
  const found = selectNodes(grammar, root, { calls: syntax.calls, functions: syntax.functions });
  const rollback = found.functions.filter((node) => ROLLBACK.has(syntax.functionName(node) ?? ''));
  const reading: Reading = { syntax, calls: new Map(), consumed: new Set(), roots: new Map() };
  const inRollback = (node: SyntaxNode): boolean => rollback.some((range) => within(node, range));
  const nodes = found.calls.filter((node) => !inRollback(node));
  const undoes = found.calls.some(
    (node) => inRollback(node) && !REFUSALS.test(syntax.callParts(node)?.name ?? 'raise'),
  );
  // Inner calls end first: reading them first builds chains from the head outwards.
  for (const node of [...nodes].sort((a, b) => a.endIndex - b.endIndex)) readCall(reading, node);
  const statements: MigrationCall[] = [];
  const open: { call: MigrationCall; block: SyntaxNode }[] = [];
  for (const node of nodes) {
    const entry = reading.calls.get(node.id);
    if (!entry || reading.consumed.has(node.id)) continue;
    while (open.length > 0 && !within(node, open[open.length - 1]?.block ?? node)) open.pop();
    const parent = open[open.length - 1];
    (parent ? parent.call.body : statements).push(entry.call);
    if (entry.block) open.push({ call: entry.call, block: entry.block });
  }
  return { statements, rollback: undoes };
}
