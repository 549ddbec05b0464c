import type { Grammar } from '../../../../code/syntax/grammar.js';
import type { SyntaxNode } from '../../../../code/syntax/parse-source.js';
import type { ValueOrigin } from './value-origin.js';

/**
 * What an expression makes of a string, read from its syntax tree: the text its literals write
 * (each runtime value standing as `v`), whether pieces are joined, interpolated or formatted at
 * runtime, and the values that are not constants, each traced to where it comes from.
 */
export interface StringBuild {
  /** Literal text with each non-literal part written as `v`. */
  text: string;
  /** Literal text alone. */
  literal: string;
  /** Pieces are joined, interpolated or formatted at runtime. */
  built: boolean;
  values: BuiltValue[];
}

/** How a value gets into the text. */
export type ValueJoin = 'concatenated' | 'interpolated' | 'formatted';

/** A runtime value written into a string. */
export interface BuiltValue {
  /** The value's expression as written (shortened). */
  label: string;
  /** The expression a variable took the value from, when `label` is the variable (`name` from `req.query`). */
  from?: string;
  origin: ValueOrigin;
  how: ValueJoin;
  /** The line the value stands on. */
  line: number;
  /** Lines of the assignments that carry the value to its use, innermost first. */
  writers: number[];
  /** The text written just before the value (`SELECT * FROM `), once a join places it; empty at the start. */
  before?: string;
}

/** What reading an expression needs: its tree, how deep variables have been followed, and the reader itself. */
export interface BuildContext {
  grammar: Grammar;
  root: SyntaxNode;
  depth: number;
  evaluate: (node: SyntaxNode, context: BuildContext, how: ValueJoin) => StringBuild;
}

/** How many assignments deep a variable is followed. */
export const MAX_DEPTH = 6;

/** A value that cannot carry SQL (a number, an ALL_CAPS constant, a count). */
export const CONSTANT: StringBuild = { text: 'v', literal: '', built: false, values: [] };

/** Literal text. */
export function literal(text: string): StringBuild {
  return { text, literal: text, built: false, values: [] };
}

/** True when a build is a string at all: literal text, or pieces put together. */
export function hasText(build: StringBuild): boolean {
  return build.built || build.literal !== '';
}

/** Pieces written one after the other. */
export function joined(parts: readonly StringBuild[], built = true): StringBuild {
  let text = '';
  const values: BuiltValue[] = [];
  for (const part of parts) {
    // A value first in its part stands after what the parts before it wrote.
    for (const value of part.values)
      values.push(value.before === undefined ? { ...value, before: text.slice(-40) } : value);
    text += part.text;
  }
  return {
    text,
    literal: parts.map((part) => part.literal).join(''),
    built: built || parts.some((part) => part.built),
    values,
  };
}

/** The values of `build`, each placed after `before` unless it already has its place (a format's values, by placeholder). */
export function placedAfter(build: StringBuild, before: string): StringBuild {
  const values = build.values.map((value) =>
    value.before === undefined ? { ...value, before: before.slice(-40) } : value,
  );
  return { ...build, values };
}

/** Any one of several values (a ternary, `a || b`): the first string's text, every branch's values. */
export function either(parts: readonly StringBuild[]): StringBuild {
  const shown = parts.find(hasText) ?? parts[0] ?? CONSTANT;
  return { ...shown, built: parts.some((part) => part.built), values: parts.flatMap((part) => part.values) };
}

/** An expression as a finding quotes it: on one line, shortened. */
export function labelOf(text: string): string {
  const label = text.replace(/\s+/g, ' ').trim();
  return label.length > 48 ? `${label.slice(0, 47)}…` : label;
}

/** Nodes that name a variable, across the grammars. */
export const NAME_TYPES = new Set(['identifier', 'variable_name', 'simple_identifier', 'instance_variable']);

/** ALL_CAPS: a constant by convention, whatever it holds. */
export const CONSTANT_NAME = /^[A-Z][A-Z0-9_]*$/;

/** The template text before each placeholder `pattern` finds, in order. */
export function textsBefore(template: string, pattern: RegExp): string[] {
  return [...template.matchAll(pattern)]
    .filter((match) => match[0] !== '%%')
    .map((match) => template.slice(0, match.index));
}
