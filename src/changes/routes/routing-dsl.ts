/**
 * Routing DSLs made of calls with blocks (Rails' `routes.rb`, Phoenix's router): each call
 * kept as plain data, with the calls of its block nested under it. Facts are cached across
 * the two sides of a PR, so they hold no tree nodes.
 */

/** A value written as an argument, as far as one file can tell. */
export type DslValue =
  | { kind: 'string'; value: string }
  | { kind: 'symbol'; value: string }
  /** A constant or module name (`Admin::Engine`, `MyAppWeb.API`). */
  | { kind: 'constant'; name: string }
  /** A local name (an Elixir `for` variable). */
  | { kind: 'name'; name: string }
  | { kind: 'boolean'; value: boolean }
  | { kind: 'list'; items: DslValue[] }
  /** A hash or keyword list: `{ new: 'make' }`. */
  | { kind: 'pairs'; entries: [string, DslValue][] }
  /** A string with local names interpolated (`"/:slug/#{subpage}"`): text and names, in order. */
  | { kind: 'interpolated'; parts: DslValue[] }
  /** `prefix <- ["/", "/repos/:repository"]` in an Elixir `for`. */
  | { kind: 'generator'; name: string; source: DslValue }
  /** Anything else (a computed value), as written. */
  | { kind: 'other'; text: string };

/** One call of a routing DSL, with the calls of its block. */
export interface DslCall {
  verb: string;
  /** The receiver as written (`Rails.application.routes` in `Rails.application.routes.draw`). */
  receiver?: string;
  /** Positional arguments. */
  args: DslValue[];
  /** Keyword options by name (`only: […]`, `:to => 'c#a'`). */
  options: Record<string, DslValue>;
  /** Hash pairs keyed by something else than a name (Rails' `get 'up' => 'health#show'`). */
  pairs: [DslValue, DslValue][];
  line: number;
  /** The call's text without its block, whitespace removed. */
  signature: string;
  /** The calls of its block, when it has one. */
  block?: DslCall[];
}

/** A call as read from a tree, with the offsets that place it and its block. */
export interface PlacedCall {
  call: DslCall;
  start: number;
  /** The block's offsets, when the call has one. */
  blockStart?: number;
  blockEnd?: number;
}

/**
 * Nests calls given in document order under the calls whose block holds them: one pass
 * with a stack of open blocks, so a file is never walked node by node.
 */
export function nestCalls(placed: readonly PlacedCall[]): DslCall[] {
  const roots: DslCall[] = [];
  const open: PlacedCall[] = [];
  for (const item of placed) {
    while (open.length > 0 && (open[open.length - 1]?.blockEnd ?? 0) <= item.start) open.pop();
    // A call in another's arguments (not its block) belongs to the nearest block that holds it.
    const parent = open.findLast((candidate) => (candidate.blockStart ?? Infinity) <= item.start);
    if (parent) (parent.call.block ??= []).push(item.call);
    else roots.push(item.call);
    if (item.blockStart !== undefined && item.blockEnd !== undefined) {
      item.call.block ??= [];
      open.push(item);
    }
  }
  return roots;
}

/** The string or symbol a value names (`'users'`, `:users`), else undefined. */
export function nameOf(value: DslValue | undefined): string | undefined {
  if (value?.kind === 'string' || value?.kind === 'symbol') return value.value;
  return undefined;
}

/** The names a value lists: one name, or every name of a list (`[:index, :show]`, `%i[index show]`). */
export function namesOf(value: DslValue | undefined): string[] | undefined {
  if (value === undefined) return undefined;
  if (value.kind === 'list')
    return value.items.map(nameOf).filter((name): name is string => name !== undefined);
  const name = nameOf(value);
  return name === undefined ? undefined : [name];
}
