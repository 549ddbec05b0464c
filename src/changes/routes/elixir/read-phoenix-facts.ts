import type { SyntaxNode } from '../../../code/syntax/parse-source.js';
import { selectNodes } from '../../../code/syntax/select-nodes.js';
import { nestCalls, type DslCall, type PlacedCall } from '../routing-dsl.js';
import { elixirCall, inlineBlock } from './elixir-values.js';

/** What one Elixir file says about Phoenix routing. */
export interface PhoenixFacts {
  /** The modules the file defines (`MyAppWeb.Router`), for `forward`s that name them. */
  modules: string[];
  /**
   * True when the file uses a router (`use Phoenix.Router`, `use MyAppWeb, :router`), false
   * when it uses something else (`use Plug.Router`), undefined when it says neither (a fragment of a diff).
   */
  router: boolean | undefined;
  /** Its routing calls, nested by block. */
  calls: DslCall[];
}

/** The router macros (`Phoenix.Router`, `Phoenix.LiveView.Router`, `Phoenix.LiveDashboard.Router`) a route table depends on, and `for`. */
export const PHOENIX_VERBS = new Set([
  'scope',
  'pipe_through',
  'get',
  'post',
  'put',
  'patch',
  'delete',
  'options',
  'head',
  'connect',
  'trace',
  'match',
  'resources',
  'forward',
  'live',
  'live_session',
  'live_dashboard',
  'for',
]);

/** Options that make up a route's path or handler, or only name its helpers: compared through those, not as written. */
const SHAPING = new Set(['path', 'alias', 'as', 'only', 'except', 'param', 'singleton', 'name']);

function targetName(node: SyntaxNode): string | undefined {
  const target = node.childForFieldName('target');
  return target?.type === 'identifier' ? target.text : undefined;
}

/** `use Phoenix.Router` and `use MyAppWeb, :router` make a router; any other `use` says nothing. */
function usesRouter(call: DslCall): boolean {
  const [module, kind] = call.args;
  return (
    (module?.kind === 'constant' && /(^|\.)Phoenix\.Router$/.test(module.name)) ||
    (kind?.kind === 'symbol' && kind.value === 'router')
  );
}

function place(node: SyntaxNode, call: DslCall): PlacedCall {
  const block = node.namedChildren.find((child) => child?.type === 'do_block') ?? inlineBlock(node);
  return block
    ? { call, start: node.startIndex, blockStart: block.startIndex, blockEnd: block.endIndex }
    : { call, start: node.startIndex };
}

/**
 * The routing calls of an Elixir file (a Phoenix router, or a fragment of one in a diff): one
 * tree query for every call, then the routing ones nested by their `do` blocks. Calls on a
 * module (`Foo.get(…)`) are not the router's.
 */
export function readPhoenixFacts(root: SyntaxNode): PhoenixFacts {
  const facts: PhoenixFacts = { modules: [], router: undefined, calls: [] };
  const placed: PlacedCall[] = [];
  let usesSomething = false;
  for (const node of selectNodes('elixir', root, { call: ['call'] }).call) {
    const verb = targetName(node);
    if (verb === 'defmodule') {
      const name = elixirCall(node, verb, SHAPING).args[0];
      if (name?.kind === 'constant') facts.modules.push(name.name);
    } else if (verb === 'use') {
      usesSomething = true;
      if (usesRouter(elixirCall(node, verb, SHAPING))) facts.router = true;
    } else if (verb !== undefined && PHOENIX_VERBS.has(verb)) {
      placed.push(place(node, elixirCall(node, verb, SHAPING)));
    }
  }
  if (usesSomething && facts.router === undefined) facts.router = false;
  facts.calls = nestCalls(placed);
  return facts;
}
