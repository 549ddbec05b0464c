import { findClosingReferences } from './find-linked-issues.js';

export type PullRequestType = 'implementation' | 'bugfix';

/** What the classification reads: the override first, then the PR's own words. */
export interface PullRequestSignals {
  /** The `report-type` input or a `/backend bugfix|feature` command. */
  override?: PullRequestType;
  /** Where the override came from, in human words (`report-type input`, `command "/backend bugfix"`). */
  overrideSource?: string;
  labels: string[];
  title: string;
  headBranch: string;
  body: string;
}

export interface PullRequestClassification {
  type: PullRequestType;
  /** The signal that decided, in human words: `label "bug"`, `branch "hotfix/x"`, `default`… */
  signal: string;
}

const BUG_LABELS = new Set([
  'bug',
  'bugs',
  'fix',
  'bugfix',
  'bug-fix',
  'bug fix',
  'hotfix',
  'regression',
  'defect',
]);
const FEATURE_LABELS = new Set(['feature', 'feat', 'enhancement', 'new feature', 'new-feature']);
// `type: bug`, `kind/bug`, `t-bug`, `🐛 bug`: the part after a category prefix or an emoji is the label's meaning.
const LABEL_PREFIX = /^(?:[^\p{L}\p{N}]+\s*)?(?:(?:type|kind|category|t|pr|change)\s*[:/-]\s*)?/iu;

const CONVENTIONAL_TITLE = /^\s*(\w+)(?:\([^)]*\))?!?:\s/;
const BUG_COMMIT_TYPES = new Set(['fix', 'bugfix', 'hotfix']);
const FEATURE_COMMIT_TYPES = new Set(['feat', 'feature']);

const BUG_BRANCH = /^(?:[\w.-]+\/)?(fix|bugfix|hotfix|bug)[/_-]/i;
const FEATURE_BRANCH = /^(?:[\w.-]+\/)?(feat|feature)[/_-]/i;

const BUG_TITLE_WORD =
  /\b(fix|fixes|fixed|fixing|bug|bugs|bugfix|hotfix|crash|crashes|crashing|regression|broken|panic|hang)\b/i;

function quoted(text: string): string {
  const shown = text.length > 60 ? `${text.slice(0, 59)}…` : text;
  return `"${shown}"`;
}

function labelMeaning(label: string): string {
  return label.trim().toLowerCase().replace(LABEL_PREFIX, '').trim();
}

function classifyByLabels(labels: string[]): PullRequestClassification | undefined {
  const bug = labels.find((label) => BUG_LABELS.has(labelMeaning(label)));
  if (bug !== undefined) return { type: 'bugfix', signal: `label ${quoted(bug)}` };
  const feature = labels.find((label) => FEATURE_LABELS.has(labelMeaning(label)));
  if (feature !== undefined) return { type: 'implementation', signal: `label ${quoted(feature)}` };
  return undefined;
}

function classifyByConventionalTitle(title: string): PullRequestClassification | undefined {
  const commitType = CONVENTIONAL_TITLE.exec(title)?.[1]?.toLowerCase();
  if (commitType === undefined) return undefined;
  const signal = `conventional-commit title ${quoted(title.trim())}`;
  if (BUG_COMMIT_TYPES.has(commitType)) return { type: 'bugfix', signal };
  if (FEATURE_COMMIT_TYPES.has(commitType)) return { type: 'implementation', signal };
  return undefined;
}

function classifyByBranch(branch: string): PullRequestClassification | undefined {
  if (BUG_BRANCH.test(branch)) return { type: 'bugfix', signal: `branch ${quoted(branch)}` };
  if (FEATURE_BRANCH.test(branch)) return { type: 'implementation', signal: `branch ${quoted(branch)}` };
  return undefined;
}

function classifyByClosingKeyword(body: string): PullRequestClassification | undefined {
  // "closes #12" says only that an issue ends, not that it was a bug: only the fix family counts.
  const fixing = findClosingReferences(body).find((reference) => reference.keyword.startsWith('fix'));
  return fixing && { type: 'bugfix', signal: `closing keyword ${quoted(fixing.text)}` };
}

function classifyByTitleWord(title: string): PullRequestClassification | undefined {
  const word = BUG_TITLE_WORD.exec(title)?.[1];
  return word === undefined
    ? undefined
    : { type: 'bugfix', signal: `title word ${quoted(word.toLowerCase())}` };
}

/**
 * Decides whether a PR is a bug fix or an implementation, and says why. Signals, first
 * match wins: the explicit override; labels (`bug`, `type: bug`, `kind/bug`, or
 * `enhancement`/`feature` for an implementation); a conventional-commit title (`fix:`,
 * `feat(scope)!:`); the head branch (`fix/`, `hotfix/`, `feature/`); a `fixes #12`
 * closing keyword; a bug word in the title. Otherwise an implementation.
 */
export function classifyPullRequest(signals: PullRequestSignals): PullRequestClassification {
  if (signals.override) {
    return { type: signals.override, signal: signals.overrideSource ?? `override "${signals.override}"` };
  }
  return (
    classifyByLabels(signals.labels) ??
    classifyByConventionalTitle(signals.title) ??
    classifyByBranch(signals.headBranch) ??
    classifyByClosingKeyword(signals.body) ??
    classifyByTitleWord(signals.title) ?? { type: 'implementation', signal: 'default' }
  );
}
