import { quoteSignal, type ChangeKind, type KindSignal } from './change-kind.js';

const LABEL_KINDS: readonly (readonly [kind: ChangeKind, names: readonly string[]])[] = [
  [
    'fix',
    ['bug', 'bugs', 'fix', 'bugfix', 'bug-fix', 'bug fix', 'hotfix', 'regression', 'defect', 'security fix'],
  ],
  ['feature', ['feature', 'feat', 'enhancement', 'new feature', 'new-feature', 'feature request']],
  [
    'change',
    [
      'dependencies',
      'dependency',
      'deps',
      'dependency update',
      'dependency-update',
      'refactor',
      'refactoring',
      'chore',
      'maintenance',
      'cleanup',
      'tech debt',
      'tech-debt',
      'technical debt',
      'documentation',
      'docs',
      'ci',
      'build',
      'tests',
      'test',
      'testing',
      'performance',
      'perf',
      'internal',
      'release',
    ],
  ],
];

// `type: bug`, `kind/bug`, `t-bug`, `🐛 bug`: the part after a category prefix or an emoji is the label's meaning.
const LABEL_PREFIX = /^(?:[^\p{L}\p{N}]+\s*)?(?:(?:type|kind|category|t|pr|change)\s*[:/-]\s*)?/iu;

function labelMeaning(label: string): string {
  return label.trim().toLowerCase().replace(LABEL_PREFIX, '').trim();
}

/**
 * What the PR's labels say, first match in the order fix, feature, change: a person who labels
 * a Dependabot PR `bug` as well as `dependencies` meant the bug.
 */
export function readLabels(labels: readonly string[]): KindSignal | undefined {
  for (const [kind, names] of LABEL_KINDS) {
    const label = labels.find((candidate) => names.includes(labelMeaning(candidate)));
    if (label !== undefined) return { kind, signal: `label ${quoteSignal(label)}` };
  }
  return undefined;
}
