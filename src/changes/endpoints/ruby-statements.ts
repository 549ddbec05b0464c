import { lineAt, stringsWithin, type SourceView } from '../source/source-view.js';

/** One argument of a Ruby call: `:users`, `'path'`, `only: [:index]`, `'path' => 'c#a'`. */
export interface RubyArgument {
  /** The hash key for `key: value`, `:key => value` and `'key' => value`. */
  key?: string;
  /** String values in the argument (for `'a' => 'b'`, the value side only). */
  strings: string[];
  /** Symbol values (`:index`, `%i[index show]`). */
  symbols: string[];
  /** The argument's code, string contents blanked (`UserController`, `'    '`). */
  code: string;
}

/** One Ruby call statement, such as a line of `routes.rb`, possibly continued over several lines. */
export interface RubyStatement {
  verb: string;
  /** `t` in `t.string :name`. */
  receiver: string | undefined;
  arguments: RubyArgument[];
  start: number;
  end: number;
  line: number;
  /** The statement ends with `do` (or `do |x|`): a block follows. */
  opensBlock: boolean;
  /** The statement is a bare `end`, closing a block. */
  closesBlock: boolean;
}

// Ruby and Elixir constructs closed by `end` that do not end their line with `do`.
const BLOCK_STARTERS = /^(if|unless|case|begin|while|until|def|class|module)\b(?!.*\bdo:)/;

function symbolsIn(code: string): string[] {
  const symbols = [...code.matchAll(/(?<![\w:]):(\w+[?!]?)/g)].map((match) => match[1] ?? '');
  for (const list of code.matchAll(/%[iw][[(]([^\])]*)[\])]/g))
    symbols.push(...(list[1] ?? '').split(/\s+/).filter(Boolean));
  return symbols;
}

function readArgument(view: SourceView, start: number, end: number): RubyArgument {
  const code = view.masked.slice(start, end);
  const newStyle = /^\s*(\w+):(?!:)\s*/.exec(code);
  const rocket = /^\s*(?::(\w+)|(['"])\s*\2)\s*=>\s*/.exec(code);
  const keyed = newStyle ?? rocket;
  const valueStart = keyed ? start + keyed[0].length : start;
  const value = view.masked.slice(valueStart, end);
  const found: RubyArgument = {
    strings: stringsWithin(view, valueStart, end),
    symbols: symbolsIn(value),
    code: value.trim(),
  };
  if (newStyle) found.key = newStyle[1];
  else if (rocket) found.key = rocket[1] ?? stringsWithin(view, start, valueStart)[0];
  return found;
}

function splitArguments(view: SourceView, start: number, end: number): RubyArgument[] {
  const found: RubyArgument[] = [];
  let depth = 0;
  let from = start;
  for (let i = start; i < end; i++) {
    const char = view.masked[i] ?? '';
    if ('([{'.includes(char)) depth++;
    else if (')]}'.includes(char)) depth--;
    else if (char === ',' && depth === 0) {
      found.push(readArgument(view, from, i));
      from = i + 1;
    }
  }
  if (view.masked.slice(from, end).trim() !== '') found.push(readArgument(view, from, end));
  return found;
}

function statementEnd(view: SourceView, start: number): number {
  let depth = 0;
  for (let i = start; i < view.masked.length; i++) {
    const char = view.masked[i] ?? '';
    if ('([{'.includes(char)) depth++;
    else if (')]}'.includes(char)) depth--;
    else if (char === '\n' && depth <= 0 && !/[,\\]\s*$/.test(view.masked.slice(start, i))) return i;
  }
  return view.masked.length;
}

/** Reads a Ruby file as a list of call statements, with block openings and `end`s marked. */
export function readRubyStatements(view: SourceView): RubyStatement[] {
  const statements: RubyStatement[] = [];
  let position = 0;
  while (position < view.masked.length) {
    const end = statementEnd(view, position);
    const code = view.masked.slice(position, end);
    // `t.string :name` in a migration block: the receiver, then the verb.
    const verb = /^\s*(?:(\w+)\.)?(\w+[?!]?)/.exec(code);
    if (verb) {
      const trimmed = code.trim();
      const block = /\s+do(\s*\|[^|]*\|)?\s*$/.exec(trimmed);
      let argumentsEnd = block ? position + code.lastIndexOf(block[0].trim()) : end;
      let argumentsStart = position + verb[0].length;
      const parenthesised = /^\s*\(/.exec(view.masked.slice(argumentsStart, argumentsEnd));
      if (parenthesised && view.masked.slice(argumentsStart, argumentsEnd).trimEnd().endsWith(')')) {
        argumentsStart += parenthesised[0].length;
        argumentsEnd = argumentsStart + view.masked.slice(argumentsStart, argumentsEnd).trimEnd().length - 1;
      }
      statements.push({
        verb: verb[2] ?? '',
        receiver: verb[1],
        arguments: splitArguments(view, argumentsStart, argumentsEnd),
        start: position + code.search(/\S/),
        end,
        line: lineAt(view, position + code.search(/\S/)),
        opensBlock: block !== null || BLOCK_STARTERS.test(trimmed),
        closesBlock: /^end\b/.test(trimmed),
      });
    }
    position = end + 1;
  }
  return statements;
}
