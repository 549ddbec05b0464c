/**
 * The hidden marker that opens each comment the bot keeps up to date (PRODUCT.md "Comments"):
 * `<!-- backend-developer:<name> -->`, optionally with attributes after the name, e.g.
 * `<!-- backend-developer:report sha=0a1b… at=2026-12-05T10:00:00Z -->`. The bot cannot learn its
 * own login with the workflow token, so the marker is how a run finds its comments; the
 * attributes say which commit and which state of the pull request a comment describes.
 */
export interface CommentVersion {
  /** The head commit the comment describes. */
  sha: string;
  /** When GitHub last saw the pull request change before the run began (`updated_at`), ISO 8601. */
  at?: string;
}

/**
 * How much longer a body gets when its bare marker is stamped with a version (a 40-character SHA
 * and a timestamp): bodies are cut to GitHub's limit less this, so the stamped one still fits.
 */
export const MARKER_STAMP_ROOM = 120;

const MARKER_LINE = /^<!-- backend-developer:([a-z][a-z0-9:-]*)((?: [a-z]+=[^\s"<>]+)*) -->/;
const ATTRIBUTE_VALUE = /^[\w.:+-]+$/;

/** The marker line for `name` carrying `version`. Values that are not plain tokens are left out. */
export function renderMarker(name: string, version?: CommentVersion): string {
  const attributes: [string, string | undefined][] = version
    ? [
        ['sha', version.sha],
        ['at', version.at],
      ]
    : [];
  const text = attributes
    .filter((entry): entry is [string, string] => Boolean(entry[1] && ATTRIBUTE_VALUE.test(entry[1])))
    .map(([key, value]) => ` ${key}=${value}`)
    .join('');
  return `<!-- backend-developer:${name}${text} -->`;
}

/** The marker that opens `body`: its name and version, or undefined when the body has none. */
export function readMarker(body: string): { name: string; version?: CommentVersion } | undefined {
  const match = MARKER_LINE.exec(body);
  if (!match?.[1]) return undefined;
  const attributes = new Map(
    (match[2] ?? '')
      .trim()
      .split(' ')
      .filter(Boolean)
      .map((pair) => [pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1)] as const),
  );
  const sha = attributes.get('sha');
  const at = attributes.get('at');
  return { name: match[1], ...(sha ? { version: { sha, ...(at ? { at } : {}) } } : {}) };
}

/** True when `body` opens with the marker `name` (with or without attributes). */
export function hasMarker(body: string, name: string): boolean {
  return readMarker(body)?.name === name;
}

/** `body` (which opens with the bare marker `name`, or none) opened by the marker carrying `version`. */
export function stampMarker(body: string, name: string, version: CommentVersion): string {
  const rest = hasMarker(body, name) ? body.slice(body.indexOf('-->') + 3).replace(/^\n/, '') : body;
  return `${renderMarker(name, version)}\n${rest}`;
}

/** Which of two comments' versions describes the newer state of the pull request. */
export type VersionOrder = 'same-commit' | 'ours-newer' | 'theirs-newer' | 'unknown';

/**
 * Compares our version with one found on GitHub. A comment without a version predates versions
 * and counts as older; the same commit is never "newer" (either run may write); otherwise the
 * later `updated_at` wins, and equal or missing times are `unknown` (ask GitHub for the head).
 */
export function compareVersions(ours: CommentVersion, theirs: CommentVersion | undefined): VersionOrder {
  if (!theirs) return 'ours-newer';
  if (theirs.sha === ours.sha) return 'same-commit';
  const mine = ours.at ? Date.parse(ours.at) : Number.NaN;
  const other = theirs.at ? Date.parse(theirs.at) : Number.NaN;
  if (Number.isNaN(mine) || Number.isNaN(other) || mine === other) return 'unknown';
  return mine > other ? 'ours-newer' : 'theirs-newer';
}
