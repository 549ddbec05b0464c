import { Minimatch } from 'minimatch';
import type { FileStatus } from '../code/diff/changed-file.js';
import { codeSpan } from '../markdown/untrusted-markdown.js';
import { DEFAULT_HANDOFF_PATHS } from './default-handoff-paths.js';
import { HANDOFF_AREAS, type HandoffArea } from './handoff-area.js';
import type { HandoffConfig } from './handoff-config.js';

/** What the handoff rules need to know about a pull request; the pipeline maps change analysis onto it. */
export interface HandoffSignals {
  files: { path: string; status: FileStatus; additions: number; deletions: number; isTest?: boolean }[];
  /** Authentication, crypto or session code the change touches; `reason` names what, e.g. "session handling" or "touches session handling". */
  securityTouched: { file: string; reason: string }[];
  /** Migration files the change adds or edits. */
  migrations: { file: string }[];
  /** Endpoints the change adds, changes or removes. */
  endpoints: { method: string; path: string; change: 'added' | 'changed' | 'removed' }[];
  /** Projects whose source changed while none of their tests did. */
  projectsWithoutTests: string[];
  /** Manifests and lockfiles whose new dependency versions have known vulnerabilities (GitHub's dependency review). */
  vulnerableDependencies?: string[];
  /** The performance reviewer's findings on the change (queries in loops, unbounded queries…). */
  performanceFindings?: { ruleId: string; file: string; line: number; title?: string }[];
}

/** An area to hand off to, with the evidence, one short sentence each. */
export interface HandoffDecision {
  area: HandoffArea;
  reasons: string[];
}

/** Above either threshold a change deserves a second pair of eyes whatever it touches. */
export const LARGE_CHANGE_LINES = 500;
export const LARGE_CHANGE_FILES = 30;
/** Evidence listed per sentence before "and N more". */
const LISTED = 3;

type Files = HandoffSignals['files'];

function listed(items: readonly string[]): string {
  const shown = items.slice(0, LISTED).map(codeSpan);
  const more = items.length - shown.length;
  return more > 0 ? `${shown.join(', ')} and ${more} more` : shown.join(shown.length === 2 ? ' and ' : ', ');
}

/**
 * The longest stretch of a glob that any path it matches must contain (lower case): the text
 * between wildcards and slashes, outside braces, brackets and parentheses. Empty when the glob
 * escapes a character. Most files fail this test, which is much cheaper than matching.
 */
function requiredText(glob: string): string {
  // An escape or a negation (`!`) makes the text not required.
  if (glob.includes('\\') || glob.startsWith('!')) return '';
  let depth = 0;
  let run = '';
  let longest = '';
  for (const character of glob.toLowerCase()) {
    if ('{[('.includes(character)) depth++;
    else if ('}])'.includes(character)) depth = Math.max(0, depth - 1);
    const literal = depth === 0 && !'{[()]}*?!+@/'.includes(character);
    run = literal ? run + character : '';
    if (run.length > longest.length) longest = run;
  }
  return longest;
}

function pathReason(area: HandoffArea, files: Files, config: HandoffConfig): string | null {
  const globs = [...DEFAULT_HANDOFF_PATHS[area], ...(config[area]?.paths ?? [])];
  if (globs.length === 0) return null;
  // Compiled once per area: a pull request of thousands of files tests each against every glob.
  const matchers = globs.map((glob) => {
    const compiled = new Minimatch(glob, { dot: true, nocase: true });
    const required = requiredText(glob);
    return (path: string, lower: string) => lower.includes(required) && compiled.match(path);
  });
  const matched = files.filter((file) => {
    const lower = file.path.toLowerCase();
    return matchers.some((matches) => matches(file.path, lower));
  });
  if (matched.length === 0) return null;
  const verb = matched.length === 1 ? 'matches' : 'match';
  return `${listed(matched.map((file) => file.path))} ${verb} the ${area} paths`;
}

function signalReasons(area: HandoffArea, signals: HandoffSignals): string[] {
  switch (area) {
    case 'security':
      return [
        ...securityReasons(signals.securityTouched),
        ...dependencyReasons(signals.vulnerableDependencies ?? []),
      ];
    case 'database':
      return signals.migrations.length > 0
        ? [`adds or changes migrations: ${listed(signals.migrations.map((m) => m.file))}`]
        : [];
    case 'api-design':
      return endpointReasons(signals.endpoints);
    case 'qa':
      return qaReasons(signals);
    case 'code-review':
      return sizeReasons(signals.files);
    case 'performance':
      return performanceReasons(signals.performanceFindings ?? []);
    case 'devops':
      return [];
  }
}

function securityReasons(touched: HandoffSignals['securityTouched']): string[] {
  return touched.slice(0, LISTED).map((touch) => `${codeSpan(touch.file)} ${asPredicate(touch.reason)}`);
}

function dependencyReasons(manifests: string[]): string[] {
  return manifests.length > 0
    ? [`brings in dependency versions with known vulnerabilities in ${listed(manifests)}`]
    : [];
}

/** "session handling" → "touches session handling"; "adds a JWT check" stays as it is. */
function asPredicate(reason: string): string {
  return /^(?:touches|adds|changes|removes|uses|handles|disables|modifies|introduces|calls)\b/i.test(reason)
    ? reason
    : `touches ${reason}`;
}

function endpointReasons(endpoints: HandoffSignals['endpoints']): string[] {
  return (['removed', 'changed', 'added'] as const).flatMap((change) => {
    const matching = endpoints.filter((endpoint) => endpoint.change === change);
    if (matching.length === 0) return [];
    return [
      `${change} ${matching.length === 1 ? 'an endpoint' : `${matching.length} endpoints`}: ${listed(matching.map((e) => `${e.method.toUpperCase()} ${e.path}`))}`,
    ];
  });
}

function qaReasons(signals: HandoffSignals): string[] {
  const reasons = signals.projectsWithoutTests.map((project) =>
    project === '.'
      ? 'source changed with no test change'
      : `source in ${codeSpan(project)} changed with no test change`,
  );
  const deletedTests = signals.files.filter((file) => file.isTest && file.status === 'removed');
  if (deletedTests.length > 0)
    reasons.push(`deletes tests: ${listed(deletedTests.map((file) => file.path))}`);
  return reasons;
}

function sizeReasons(files: Files): string[] {
  const lines = files.reduce((sum, file) => sum + file.additions + file.deletions, 0);
  if (lines > LARGE_CHANGE_LINES) return [`changes ${lines} lines (more than ${LARGE_CHANGE_LINES})`];
  if (files.length > LARGE_CHANGE_FILES)
    return [`changes ${files.length} files (more than ${LARGE_CHANGE_FILES})`];
  return [];
}

function performanceReasons(findings: NonNullable<HandoffSignals['performanceFindings']>): string[] {
  return findings
    .slice(0, LISTED)
    .map((finding) => `${codeSpan(`${finding.file}:${finding.line}`)}: ${finding.title ?? finding.ruleId}`);
}

/**
 * Decides which specialist areas a pull request goes to, and why. An area is chosen when a changed path
 * matches its globs (defaults plus `handoffs.<area>.paths`) or when change analysis found its kind of
 * change; `handoffs.<area>.enabled: false` turns an area off. Areas come back in the canonical order.
 */
export function decideHandoffs(input: HandoffSignals, config: HandoffConfig = {}): HandoffDecision[] {
  const decisions: HandoffDecision[] = [];
  for (const area of HANDOFF_AREAS) {
    if (config[area]?.enabled === false) continue;
    const reasons = signalReasons(area, input);
    const byPath = pathReason(area, input.files, config);
    if (byPath) reasons.push(byPath);
    if (reasons.length > 0) decisions.push({ area, reasons });
  }
  return decisions;
}
