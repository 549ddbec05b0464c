import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ChangedFile } from '../../src/code/diff/changed-file.js';
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
 * Loads a fixture directory as the changed files of a pull request. A file's path below the directory is its
 * repository path plus a suffix saying how it changed: `.new` (added), `.patch` (modified, hunks), `.removed`.
 * The suffix also keeps fixture tests (`users.test.ts.new`) out of the real test run. A `.head` file is
 * not a change: it is the whole head version of a modified file, for rules that read whole files.
 */
export function loadChanges(fixture: string): ChangedFile[] {
  const directory = join(FIXTURES, fixture);
  return filesUnder(directory)
    .filter((full) => !full.endsWith(EXPECTATIONS) && !full.endsWith(CONTEXT) && !full.endsWith(HEAD))
    .sort()
    .map((full) => {
      const path = relative(directory, full).split(sep).join('/');
      const content = withCredentials(readFileSync(full, 'utf8'));
      if (path.endsWith('.new')) return addedFile(path.slice(0, -4), content);
      if (path.endsWith('.patch')) return modifiedFile(path.slice(0, -6), content);
      if (path.endsWith('.removed')) return removedFile(path.slice(0, -8), content);
      throw new Error(`Fixture file ${full} must end in .new, .patch or .removed`);
    });
}

/** Optional file in a positive fixture listing the files expected to have findings (default: all of them). */
export const EXPECTATIONS = 'expected.json';

/** Optional file in a fixture holding the review context as JSON (endpoints, existing routes, databases). */
export const CONTEXT = 'context.json';

/** Suffix of a fixture file holding a modified file's whole head version. */
export const HEAD = '.head';

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
      return existsSync(head) ? readFileSync(head, 'utf8') : undefined;
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
