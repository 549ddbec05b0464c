import type { SyntaxNode } from '../../../code/syntax/parse-source.js';
import { selectNodes } from '../../../code/syntax/select-nodes.js';
import { nestCalls, type DslCall, type PlacedCall } from '../routing-dsl.js';
import { notInProduction, RAILS_BRANCH_NODE_TYPES } from './rails-environments.js';
import { rubyCall } from './ruby-values.js';

/** What one Rails routes file says: its routing calls, nested by block. */
export interface RailsFacts {
  calls: DslCall[];
}

/** The calls of the routing DSL (`ActionDispatch::Routing::Mapper`) a route table depends on. */
const RAILS_VERBS = new Set([
  'draw',
  'namespace',
  'scope',
  'controller',
  'resources',
  'resource',
  'member',
  'collection',
  'new',
  'nested',
  'shallow',
  'concern',
  'concerns',
  'mount',
  'root',
  'get',
  'post',
  'put',
  'patch',
  'delete',
  'options',
  'head',
  'match',
]);

/** Options that make up a route's path or handler: compared through those, not as written. */
const PATH_SHAPING = new Set([
  'on',
  'to',
  'path',
  'via',
  'controller',
  'action',
  'as',
  'only',
  'except',
  'param',
  'path_names',
  'module',
  'shallow',
  'shallow_path',
  'concerns',
  'at',
]);

const NODE_GROUPS = { call: ['call'], branch: RAILS_BRANCH_NODE_TYPES };

/**
 * The routing calls of a Rails routes file (`config/routes.rb`, a file it draws, an
 * engine's): one tree query for every call, then the routing ones nested by their blocks. Calls
 * in a branch that never runs in production (`if Rails.env.test?`) are left out on both sides.
 */
export function readRailsFacts(root: SyntaxNode): RailsFacts {
  const placed: PlacedCall[] = [];
  const nodes = selectNodes('ruby', root, NODE_GROUPS);
  const skipped = nodes.branch.flatMap((branch) => notInProduction(branch) ?? []);
  for (const node of nodes.call) {
    const verb = node.childForFieldName('method')?.text;
    if (verb === undefined || !RAILS_VERBS.has(verb)) continue;
    if (skipped.some((part) => part.startIndex <= node.startIndex && node.startIndex < part.endIndex))
      continue;
    const receiver = node.childForFieldName('receiver');
    // `Rails.application.routes.draw do` and `draw(:admin)` are the DSL's; `params.delete(:x)` is not.
    if (receiver && verb !== 'draw') continue;
    const block = node.childForFieldName('block');
    const call = rubyCall(node, verb, PATH_SHAPING);
    placed.push(
      block
        ? { call, start: node.startIndex, blockStart: block.startIndex, blockEnd: block.endIndex }
        : { call, start: node.startIndex },
    );
  }
  return { calls: nestCalls(placed) };
}
