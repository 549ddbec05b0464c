import type { Severity } from './finding.js';

/** A finding as an area comment remembers it between runs. */
export interface TrackedFinding {
  fingerprint: string;
  severity: Severity;
  ruleId: string;
  file: string;
  line: number;
  title: string;
  /** For a resolved finding: the first commit where it was gone. */
  resolvedAt?: string;
}

/** What an area comment knows about its findings: those still open, and those fixed since. */
export interface AreaCommentState {
  open: TrackedFinding[];
  resolved: TrackedFinding[];
}

const STATE_MARKER = 'backend-developer:findings';
const STATE_LINE = new RegExp(`^<!-- ${STATE_MARKER} ([A-Za-z0-9+/=]*) -->$`, 'm');
/** Enough to carry the findings of a busy review while staying a small part of the 65,536-character body. */
const MAX_OPEN = 60;
const MAX_RESOLVED = 20;
const MAX_TEXT = 120;

function compact(finding: TrackedFinding): TrackedFinding {
  return {
    ...finding,
    title: finding.title.slice(0, MAX_TEXT),
    file: finding.file.slice(0, 2 * MAX_TEXT),
  };
}

/**
 * The state as one hidden line. Base64 keeps file names and titles (written by the pull request's
 * author) from closing the HTML comment or showing up in the rendered comment.
 */
export function renderAreaState(state: AreaCommentState): string {
  const json = JSON.stringify({
    open: state.open.slice(0, MAX_OPEN).map(compact),
    resolved: state.resolved.slice(0, MAX_RESOLVED).map(compact),
  });
  return `<!-- ${STATE_MARKER} ${Buffer.from(json, 'utf8').toString('base64')} -->`;
}

function isTracked(value: unknown): value is TrackedFinding {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.fingerprint === 'string' &&
    ['high', 'medium', 'low'].includes(String(v.severity)) &&
    typeof v.ruleId === 'string' &&
    typeof v.file === 'string' &&
    typeof v.line === 'number' &&
    typeof v.title === 'string' &&
    (v.resolvedAt === undefined || typeof v.resolvedAt === 'string')
  );
}

/** The state an area comment carries, or undefined when it has none (or it cannot be read). */
export function readAreaState(body: string): AreaCommentState | undefined {
  const encoded = STATE_LINE.exec(body)?.[1];
  if (encoded === undefined) return undefined;
  try {
    const parsed = JSON.parse(Buffer.from(encoded, 'base64').toString('utf8')) as {
      open?: unknown;
      resolved?: unknown;
    };
    const list = (value: unknown): TrackedFinding[] => (Array.isArray(value) ? value.filter(isTracked) : []);
    return { open: list(parsed.open), resolved: list(parsed.resolved) };
  } catch {
    return undefined;
  }
}

/** The next state, and what changed since the last analysed commit. */
export interface AreaStateChange {
  state: AreaCommentState;
  /** Fingerprints open now that the last analysed commit did not have. */
  newSinceLastRun: Set<string>;
}

/**
 * Moves findings the last analysed commit had and this one does not to `resolved` (newest
 * first), keeps earlier resolved ones unless they came back, and marks what is new.
 */
export function advanceAreaState(
  previous: AreaCommentState | undefined,
  current: TrackedFinding[],
  headSha: string,
): AreaStateChange {
  const now = new Set(current.map((f) => f.fingerprint));
  const before = new Set((previous?.open ?? []).map((f) => f.fingerprint));
  const gone = (previous?.open ?? [])
    .filter((f) => !now.has(f.fingerprint))
    .map((f) => ({ ...f, resolvedAt: headSha }));
  const stillResolved = (previous?.resolved ?? []).filter(
    (f) => !now.has(f.fingerprint) && !gone.some((g) => g.fingerprint === f.fingerprint),
  );
  return {
    state: { open: current, resolved: [...gone, ...stillResolved].slice(0, MAX_RESOLVED) },
    newSinceLastRun: new Set([...now].filter((fingerprint) => !before.has(fingerprint))),
  };
}
