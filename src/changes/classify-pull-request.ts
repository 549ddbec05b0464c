import {
  normalizeTitle,
  quoteSignal,
  titleWords,
  type ChangeKind,
  type KindSignal,
} from './classification/change-kind.js';
import { readChangedPaths } from './classification/read-changed-paths.js';
import { readDependencyBot, readDependencyTitle } from './classification/read-dependency-update.js';
import { readLabels } from './classification/read-labels.js';
import { readTemplateCheckboxes } from './classification/read-template-checkboxes.js';
import { readTitleMarkers } from './classification/read-title-markers.js';
import { readDescriptionDefects } from './classification/read-description-defects.js';
import {
  readBugWords,
  readChangeWording,
  readFixOpening,
  readSecurityWording,
} from './classification/read-title-words.js';
import { findClosingReferences } from './find-linked-issues.js';

export type { ChangeKind } from './classification/change-kind.js';

export type PullRequestType = 'implementation' | 'bugfix';

/** What the classification reads: the override first, then the PR's own words and files. */
export interface PullRequestSignals {
  /** The `report-type` input or a `/backend bugfix|feature` command. */
  override?: PullRequestType;
  /** Where the override came from, in human words (`report-type input`, `command "/backend bugfix"`). */
  overrideSource?: string;
  labels: string[];
  title: string;
  headBranch: string;
  body: string;
  /** The PR's author (a login such as `dependabot[bot]`, or a commit author's name on the command line). */
  author?: string;
  /** Paths of the changed files, when known. */
  paths?: readonly string[];
}

export interface PullRequestClassification {
  /** The report's format. */
  type: PullRequestType;
  /** What the PR is: an implementation that is a `change` is headed "Backend Change Delivered". */
  kind: ChangeKind;
  /** The signal that decided, in human words: `label "bug"`, `gitmoji "🐛" in the title`, `default`… */
  signal: string;
}

const BUG_BRANCH = /^(?:[\w.-]+\/)?(fix|bugfix|hotfix|bug)[/_-]/i;
const FEATURE_BRANCH = /^(?:[\w.-]+\/)?(feat|feature)[/_-]/i;
const CHANGE_BRANCH =
  /^(?:(?:[\w.-]+\/)?(chore|refactor|refactoring|docs|doc|test|tests|ci|build|deps|perf|cleanup)[/_-]|(dependabot|renovate|snyk-upgrade|snyk-fix|pre-commit-ci-update-config)\b)/i;

function readBranch(branch: string): KindSignal | undefined {
  const signal = `branch ${quoteSignal(branch)}`;
  if (BUG_BRANCH.test(branch)) return { kind: 'fix', signal };
  if (FEATURE_BRANCH.test(branch)) return { kind: 'feature', signal };
  if (CHANGE_BRANCH.test(branch)) return { kind: 'change', signal };
  return undefined;
}

function readClosingKeyword(body: string): KindSignal | undefined {
  // "closes #12" says only that an issue ends, not that it was a bug: only the fix family counts.
  const fixing = findClosingReferences(body).find((reference) => reference.keyword.startsWith('fix'));
  return fixing && { kind: 'fix', signal: `closing keyword ${quoteSignal(fixing.text)}` };
}

/**
 * The signals in the order they decide, strongest first: what people set on purpose (labels),
 * who opened it (a dependency bot), the title's markers (conventional-commit type, gitmoji),
 * a dependency-update title, a ticked PR-template box, the title's wording, the branch, what
 * the files are, a `fixes #12` keyword, and last the description's own account of a defect.
 */
function readSignals(signals: PullRequestSignals): KindSignal | undefined {
  const title = normalizeTitle(signals.title);
  // `server: prevent …`, `net/http: fix …`: the wording readers start after a component prefix.
  const words = titleWords(title);
  const readers: (() => KindSignal | undefined)[] = [
    () => readLabels(signals.labels),
    () => readDependencyBot(signals.author),
    () => readTitleMarkers(title),
    () => readDependencyTitle(title),
    () => readTemplateCheckboxes(signals.body),
    () => readSecurityWording(title),
    () => readBugWords(title),
    () => readChangeWording(words),
    () => readFixOpening(words),
    () => readBranch(signals.headBranch),
    () => readChangedPaths(signals.paths ?? []),
    () => readClosingKeyword(signals.body),
    () => readDescriptionDefects(signals.body),
  ];
  for (const read of readers) {
    const found = read();
    if (found) return found;
  }
  return undefined;
}

/**
 * Decides the report for a PR and says why: a Bug Fix Report for a fix; an Implementation
 * Report headed as a feature, or as a change when the PR is a refactor, chore, documentation,
 * tests, CI or a dependency update. An explicit override decides the format; the heading of an
 * implementation still follows what the PR is. With no signal, a feature.
 */
export function classifyPullRequest(signals: PullRequestSignals): PullRequestClassification {
  const found = readSignals(signals) ?? { kind: 'feature', signal: 'default' };
  if (!signals.override) {
    return {
      type: found.kind === 'fix' ? 'bugfix' : 'implementation',
      kind: found.kind,
      signal: found.signal,
    };
  }
  const source = signals.overrideSource ?? `override "${signals.override}"`;
  if (signals.override === 'bugfix') return { type: 'bugfix', kind: 'fix', signal: source };
  // A fix shown in the Implementation format is a change: it delivers no feature.
  const kind = found.kind === 'feature' ? 'feature' : 'change';
  return {
    type: 'implementation',
    kind,
    signal: kind === 'feature' ? source : `${source}; a change by ${found.signal}`,
  };
}
