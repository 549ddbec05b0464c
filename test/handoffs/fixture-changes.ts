import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ChangedFile } from '../../src/code/diff/changed-file.js';
import { parsePatch } from '../../src/code/diff/parse-patch.js';
import type { ReviewContext } from '../../src/handoffs/review-context.js';
import { analyzeChanges } from '../../src/changes/analyze-changes.js';
import { detectMigrationTool } from '../../src/code/migration-path.js';
import type { HandoffArea } from '../../src/handoffs/handoff-area.js';
import type { Finding } from '../../src/handoffs/finding.js';
import { reviewChanges } from '../../src/handoffs/review-changes.js';
import { projectFrom } from '../changes/diff-fixture.js';

/** Root of this area's fixtures. */
export const FIXTURES = fileURLToPath(new URL('../fixtures/handoffs/', import.meta.url));

/**
 * Credentials with real providers' shapes, assembled at runtime so that no token-shaped string is committed
 * (secret scanners and push protection would rightly stop it). Fixtures refer to them as `{{fake:<name>}}`.
 */
export const FAKE_CREDENTIALS: Readonly<Record<string, string>> = {
  github: ['gh', 'p_', 'a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8'].join(''),
  aws: ['AK', 'IA', 'Q3EGRIT7J2ZPLW6N'].join(''),
  stripe: ['sk', '_live_', '4eC39HqLyjWDarjtT1zdp7dc9x'].join(''),
  slack: ['xo', 'xb-', '1234567890-abcdefghijKL'].join(''),
  'private-key': ['-----BEGIN RSA ', 'PRIVATE KEY-----'].join(''),
};

function withCredentials(text: string): string {
  return text.replace(/\{\{fake:([\w-]+)\}\}/g, (_whole, name: string) => FAKE_CREDENTIALS[name] ?? name);
}

/** A file the pull request adds: every line is an added line. */
export function addedFile(path: string, content: string): ChangedFile {
  const lines = content.replace(/\n$/, '').split('\n');
  return {
    path,
    status: 'added',
    additions: lines.length,
    deletions: 0,
    patch: `@@ -0,0 +1,${lines.length} @@\n${lines.map((line) => `+${line}`).join('\n')}`,
  };
}

/** A file the pull request deletes: every line is a removed line. */
export function removedFile(path: string, content: string): ChangedFile {
  const lines = content.replace(/\n$/, '').split('\n');
  return {
    path,
    status: 'removed',
    additions: 0,
    deletions: lines.length,
    patch: `@@ -1,${lines.length} +0,0 @@\n${lines.map((line) => `-${line}`).join('\n')}`,
  };
}

/**
 * A modified file from hand-written hunks. Hunk headers only need their start lines (`@@ -10 +12 @@`):
 * the line counts are recomputed, so fixtures stay easy to edit.
 */
export function modifiedFile(path: string, hunks: string): ChangedFile {
  const out: string[] = [];
  let additions = 0;
  let deletions = 0;
  let header: { index: number; oldStart: number; newStart: number; old: number; new: number } | null = null;
  const closeHunk = (): void => {
    if (header)
      out[header.index] = `@@ -${header.oldStart},${header.old} +${header.newStart},${header.new} @@`;
  };
  for (const line of hunks.replace(/\n$/, '').split('\n')) {
    const start = /^@@ -(\d+)(?:,\d+)? \+(\d+)(?:,\d+)? @@/.exec(line);
    if (start) {
      closeHunk();
      header = { index: out.length, oldStart: Number(start[1]), newStart: Number(start[2]), old: 0, new: 0 };
      out.push(line);
      continue;
    }
    if (!header) throw new Error(`Fixture ${path}: a hunk must start with an @@ header`);
    const marker = line[0] ?? ' ';
    if (marker !== '+') header.old += 1;
    if (marker !== '-') header.new += 1;
    if (marker === '+') additions += 1;
    if (marker === '-') deletions += 1;
    out.push(marker === '+' || marker === '-' ? line : ` ${line.replace(/^ /, '')}`);
  }
  closeHunk();
  return { path, status: 'modified', additions, deletions, patch: out.join('\n') };
}

function filesUnder(directory: string): string[] {
  return readdirSync(directory).flatMap((name) => {
    const full = join(directory, name);
    return statSync(full).isDirectory() ? filesUnder(full) : [full];
  });
}

/**
 * A marker at the end of a fixture line naming the rules that must report that exact line, in the file's own
 * comment syntax: `// expect: security/hardcoded-secret`, `# expect: a/b, c/d`. On a removed line (a `-` line
 * of a `.patch`, a line of a `.removed` or `.base` file) it expects a finding on the base side. The loader
 * strips it, so rules never see it.
 */
const MARKER =
  /\s*(?:\/\/|#|--|\/\*|<!--|;)\s*expect:\s*([\w-]+\/[\w-]+(?:\s*,\s*[\w-]+\/[\w-]+)*)\s*(?:\*\/|-->)?\s*$/;

/** A line a fixture says a rule must report. */
export interface ExpectedFinding {
  ruleId: string;
  file: string;
  line: number;
  /** `LEFT` for a line of the base version (a removed line); absent for the head version. */
  side?: 'LEFT';
}

/** The marker's rule ids on `text`, and the line without it. */
function splitMarker(text: string): { text: string; rules: string[] } {
  const marker = MARKER.exec(text);
  if (!marker) return { text, rules: [] };
  return { text: text.slice(0, marker.index), rules: (marker[1] ?? '').split(/\s*,\s*/) };
}

/** A text with its markers taken out. */
export function withoutMarkers(text: string): string {
  return text
    .split('\n')
    .map((line) => splitMarker(line).text)
    .join('\n');
}

/** A changed file whose patch lines may carry markers: the markers become expectations on head line numbers. */
function takeMarkers(change: ChangedFile): { change: ChangedFile; expected: ExpectedFinding[] } {
  const expected: ExpectedFinding[] = [];
  const { added, removed } = parsePatch(change.patch);
  for (const line of added) {
    for (const ruleId of splitMarker(line.text).rules)
      expected.push({ ruleId, file: change.path, line: line.line });
  }
  for (const line of removed) {
    for (const ruleId of splitMarker(line.text).rules)
      expected.push({ ruleId, file: change.path, line: line.line, side: 'LEFT' });
  }
  const patch = change.patch
    ?.split('\n')
    .map((line) => splitMarker(line).text)
    .join('\n');
  return { change: { ...change, ...(patch === undefined ? {} : { patch }) }, expected };
}

/** The unified diff between two texts as git computes it (hunks only, as GitHub's `patch` has them). */
function diffOf(path: string, base: string, head: string): ChangedFile {
  const directory = mkdtempSync(join(tmpdir(), 'fixture-diff-'));
  try {
    writeFileSync(join(directory, 'base'), base);
    writeFileSync(join(directory, 'head'), head);
    const run = spawnSync('git', ['diff', '--no-index', '--no-color', '--unified=3', 'base', 'head'], {
      cwd: directory,
      encoding: 'utf8',
    });
    if (run.status !== 0 && run.status !== 1) throw new Error(`git diff failed for ${path}: ${run.stderr}`);
    const patch = run.stdout.slice(Math.max(0, run.stdout.indexOf('@@'))).replace(/\n$/, '');
    const lines = parsePatch(patch);
    return {
      path,
      status: 'modified',
      additions: lines.added.length,
      deletions: lines.removed.length,
      patch,
    };
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}

/** Line numbers of the markers in a whole file's text (the head version, or the base one for `LEFT`). */
function markersOfText(path: string, text: string, side?: 'LEFT'): ExpectedFinding[] {
  return text.split('\n').flatMap((line, index) =>
    splitMarker(line).rules.map((ruleId) => ({
      ruleId,
      file: path,
      line: index + 1,
      ...(side ? { side } : {}),
    })),
  );
}

/** A loaded fixture: the pull request's changed files and the lines its markers expect findings on. */
export interface LoadedFixture {
  changes: ChangedFile[];
  expected: ExpectedFinding[];
}

/**
 * Loads a fixture directory as the changed files of a pull request. A file's path below the directory is its
 * repository path plus a suffix saying how it changed: `.new` (added), `.patch` (modified, hunks), `.removed`,
 * or a `.base` and `.head` pair (modified: the diff between the two, as git makes it).
 * The suffix also keeps fixture tests (`users.test.ts.new`) out of the real test run. A `.head` file without
 * a `.base` is not a change: it is the whole head version of a `.patch` file, for rules that read whole files.
 * Lines may end with an `expect:` marker (see `MARKER`).
 */
export function loadFixture(fixture: string): LoadedFixture {
  const directory = join(FIXTURES, fixture);
  const loaded = filesUnder(directory)
    .filter((full) => !full.endsWith(EXPECTATIONS) && !full.endsWith(CONTEXT))
    .filter((full) => !full.endsWith(HEAD) || existsSync(`${full.slice(0, -HEAD.length)}${BASE}`))
    .sort()
    .map((full) => {
      const path = relative(directory, full).split(sep).join('/');
      const content = withCredentials(readFileSync(full, 'utf8'));
      if (path.endsWith('.new')) return takeMarkers(addedFile(path.slice(0, -4), content));
      if (path.endsWith('.patch')) return takeMarkers(modifiedFile(path.slice(0, -6), content));
      if (path.endsWith('.removed')) return takeMarkers(removedFile(path.slice(0, -8), content));
      if (path.endsWith(HEAD)) {
        const base = withCredentials(readFileSync(`${full.slice(0, -HEAD.length)}${BASE}`, 'utf8'));
        const repositoryPath = path.slice(0, -HEAD.length);
        return {
          change: diffOf(repositoryPath, withoutMarkers(base), withoutMarkers(content)),
          expected: [
            ...markersOfText(repositoryPath, base, 'LEFT'),
            ...markersOfText(repositoryPath, content),
          ],
        };
      }
      if (path.endsWith(BASE)) return null;
      throw new Error(`Fixture file ${full} must end in .new, .patch, .removed, .base or .head`);
    })
    .filter((file) => file !== null);
  return {
    changes: loaded.map((file) => file.change),
    expected: loaded.flatMap((file) => file.expected),
  };
}

/** The changed files of a fixture directory (see `loadFixture`). */
export function loadChanges(fixture: string): ChangedFile[] {
  return loadFixture(fixture).changes;
}

/** Optional file in a positive fixture listing the files expected to have findings (default: all of them). */
export const EXPECTATIONS = 'expected.json';

/** Optional file in a fixture holding the review context as JSON (endpoints, existing routes, databases). */
export const CONTEXT = 'context.json';

/** Suffix of a fixture file holding a modified file's whole head version. */
export const HEAD = '.head';

/** Suffix of a fixture file holding a modified file's whole base version (with a `.head` next to it). */
export const BASE = '.base';

/** The review context a fixture declares (or an empty one), reading head versions from its `.head` files. */
export function fixtureContext(fixture: string): ReviewContext {
  const directory = join(FIXTURES, fixture);
  const file = join(directory, CONTEXT);
  const context = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as ReviewContext) : {};
  const heads = filesUnder(directory).filter((full) => full.endsWith(HEAD));
  if (heads.length === 0) return context;
  return {
    ...context,
    readFile: (path) => {
      const head = join(directory, `${path}${HEAD}`);
      return existsSync(head) ? withoutMarkers(withCredentials(readFileSync(head, 'utf8'))) : undefined;
    },
  };
}

/** The repository paths a positive fixture expects findings in. */
export function expectedFiles(fixture: string, changes: readonly ChangedFile[]): string[] {
  const file = join(FIXTURES, fixture, EXPECTATIONS);
  if (!existsSync(file)) return changes.map((change) => change.path);
  return (JSON.parse(readFileSync(file, 'utf8')) as { files: string[] }).files;
}

/** The fixture directories below `area` that hold one rule's cases: `<rule>/positive` and `<rule>/negative`. */
export function ruleFixtures(area: string): string[] {
  return readdirSync(join(FIXTURES, area)).filter((name) =>
    statSync(join(FIXTURES, area, name)).isDirectory(),
  );
}

/**
 * The review context with what change analysis reads of the pull request's migrations, as the
 * pipeline gives it: one project at the root whose databases are the context's.
 */
export async function withMigrations(
  changes: ChangedFile[],
  context: ReviewContext,
  checkout?: Readonly<Record<string, string>>,
): Promise<ReviewContext> {
  if (!changes.some((change) => detectMigrationTool(change.path) !== undefined)) return context;
  const project = { ...projectFrom({ path: '.', language: 'unknown' }), databases: context.databases ?? [] };
  const files = checkout
    ? { readFile: (path: string) => checkout[path], listFiles: () => Object.keys(checkout) }
    : {};
  const analysis = await analyzeChanges({ files: changes, projects: [project], ...files });
  return { ...context, migrations: analysis.migrations };
}

/** One area's findings for these changes, with their migrations read as the pipeline reads them. */
export async function reviewAnalysed(
  area: HandoffArea,
  changes: ChangedFile[],
  context: ReviewContext = {},
  checkout?: Readonly<Record<string, string>>,
): Promise<Finding[]> {
  const readFile = checkout ? { readFile: (path: string) => checkout[path] } : {};
  const full = await withMigrations(changes, { ...context, ...readFile }, checkout);
  return reviewChanges(area, changes, full);
}
