import { quoteSignal, type ChangeKind, type KindSignal } from './change-kind.js';
import { leadingGitmoji } from './gitmoji.js';
import { readChangeWording } from './read-title-words.js';

// `type(scope)!: subject` (https://www.conventionalcommits.org); the type is one word.
const CONVENTIONAL_PREFIX = /^(\w+)(?:\(([^)]*)\))?!?:\s*/;

// A Map, not an object literal: a title like `constructor: …` must not find Object's own keys.
const COMMIT_TYPE_KINDS = new Map<string, ChangeKind>(
  Object.entries({
    fix: 'fix',
    bugfix: 'fix',
    hotfix: 'fix',
    security: 'fix',
    feat: 'feature',
    feature: 'feature',
    refactor: 'change',
    chore: 'change',
    docs: 'change',
    doc: 'change',
    test: 'change',
    tests: 'change',
    ci: 'change',
    build: 'change',
    perf: 'change',
    style: 'change',
    revert: 'change',
    deps: 'change',
    release: 'change',
    bump: 'change',
    cleanup: 'change',
    lint: 'change',
    types: 'change',
  } satisfies Record<string, ChangeKind>),
);

// Renovate titles production-dependency updates `fix(deps): update …`: a dependency update, not a bug fix.
const DEPENDENCY_SCOPES =
  /^(deps|deps-dev|dev-deps|dependencies|dependency|npm|pip|gomod|cargo|maven|gradle)$/i;

// `[Security] …`, `[SECURITY]` (Renovate's vulnerability updates are dependency updates and decided earlier).
const SECURITY_TAG = /^\[(security|sec|cve-[\d-]+)\]/i;

function conventionalKind(title: string): ChangeKind | undefined {
  const match = CONVENTIONAL_PREFIX.exec(title);
  const kind = COMMIT_TYPE_KINDS.get(match?.[1]?.toLowerCase() ?? '');
  if (match === null || kind === undefined) return undefined;
  if (DEPENDENCY_SCOPES.test(match[2] ?? '')) return 'change';
  // `feat: optimize the query conditions for readability`: `feat` is often just the default type;
  // a subject that says refactor, optimize or clean up describes a change.
  if (kind === 'feature' && readChangeWording(title.slice(match[0].length)) !== undefined) return 'change';
  return kind;
}

/**
 * What the title's own markers say, from a normalized title (see `normalizeTitle`): a
 * conventional-commit type (`fix(api):`, `chore(deps):`, `refactor!:`), a gitmoji at its start
 * (`🐛 …`, `:bug: …`), or a `[Security]` tag. A type this list does not know (`api: fix crash`,
 * a component name) says nothing, so the words after it decide.
 */
export function readTitleMarkers(title: string): KindSignal | undefined {
  const conventional = conventionalKind(title);
  if (conventional) return { kind: conventional, signal: `conventional-commit title ${quoteSignal(title)}` };
  const gitmoji = leadingGitmoji(title);
  if (gitmoji) return { kind: gitmoji.kind, signal: `gitmoji ${quoteSignal(gitmoji.written)} in the title` };
  if (SECURITY_TAG.test(title))
    return { kind: 'fix', signal: `title tag ${quoteSignal(title.split(']')[0] + ']')}` };
  return undefined;
}
