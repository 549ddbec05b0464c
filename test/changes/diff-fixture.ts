import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { ChangedFile } from '../../src/code/diff/changed-file.js';
import type { Project } from '../../src/discovery/project.js';

export const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'changes');

function statusOf(header: string): ChangedFile['status'] {
  if (/^new file mode/m.test(header)) return 'added';
  if (/^deleted file mode/m.test(header)) return 'removed';
  if (/^rename from/m.test(header)) return 'renamed';
  return 'modified';
}

/** Turns a `git diff` (several files) into the files GitHub's API would list, with their patches. */
export function changedFilesFromDiff(diff: string): ChangedFile[] {
  const sections = diff.split(/^(?=diff --git )/m).filter((section) => section.startsWith('diff --git '));
  return sections.map((section) => {
    const hunkStart = section.search(/^@@ /m);
    const header = hunkStart === -1 ? section : section.slice(0, hunkStart);
    const patch = hunkStart === -1 ? undefined : section.slice(hunkStart).replace(/\n$/, '');
    const [, from = '', to = ''] = /^diff --git a\/(\S+) b\/(\S+)/.exec(header) ?? [];
    const status = statusOf(header);
    const lines = patch?.split('\n') ?? [];
    const file: ChangedFile = {
      path: status === 'removed' ? from : to,
      status,
      additions: lines.filter((line) => line.startsWith('+')).length,
      deletions: lines.filter((line) => line.startsWith('-')).length,
    };
    if (patch !== undefined) file.patch = patch;
    if (status === 'renamed') file.previousPath = from;
    if (/^Binary files/m.test(header)) file.patchOmitted = 'binary';
    return file;
  });
}

/** Reads `<area>/<name>.diff` from the fixtures. */
export function loadDiff(area: string, name: string): ChangedFile[] {
  return changedFilesFromDiff(readFileSync(join(FIXTURES, area, `${name}.diff`), 'utf8'));
}

/** Reads `<area>/<name>.expected.json`. */
export function loadExpected<T>(area: string, name: string): T {
  return JSON.parse(readFileSync(join(FIXTURES, area, `${name}.expected.json`), 'utf8')) as T;
}

/** A `readFile` over `<area>/<name>.head/`, the head checkout of a fixture. */
export function headCheckout(area: string, name: string): (path: string) => string | undefined {
  const root = join(FIXTURES, area, `${name}.head`);
  return (path) => {
    const file = join(root, path);
    return file.startsWith(root) && existsSync(file) ? readFileSync(file, 'utf8') : undefined;
  };
}

/** How a fixture describes the discovered projects. */
export interface ProjectSketch {
  path: string;
  language: string;
  frameworks?: string[];
}

/** A discovered project with only what change analysis reads filled in. */
export function projectFrom(sketch: ProjectSketch): Project {
  return {
    path: sketch.path,
    language: sketch.language,
    languageVersion: null,
    packageManager: null,
    frameworks: (sketch.frameworks ?? []).map((name) => ({
      name,
      version: null,
      constraint: null,
      source: 'package.json',
    })),
    databases: [],
    orms: [],
    testFrameworks: [],
    linters: [],
    commands: {},
    dockerfiles: [],
    dependencies: [],
  };
}

/** A fixture's expected result: the projects to analyse with, and what to find without and with the head checkout. */
export interface ExpectedResult<T> {
  projects: ProjectSketch[];
  diffOnly: T;
  withCheckout?: T;
}

/** A new file as GitHub lists it: every line added. */
export function addedFile(path: string, content: string): ChangedFile {
  const lines = content.replace(/\n$/, '').split('\n');
  return {
    path,
    status: 'added',
    additions: lines.length,
    deletions: 0,
    patch: [`@@ -0,0 +1,${lines.length} @@`, ...lines.map((line) => `+${line}`)].join('\n'),
  };
}

/** A modified file whose patch replaces `before` lines with `after` lines at line 1. */
export function modifiedFile(path: string, before: string[], after: string[]): ChangedFile {
  return {
    path,
    status: 'modified',
    additions: after.length,
    deletions: before.length,
    patch: [
      `@@ -1,${before.length} +1,${after.length} @@`,
      ...before.map((line) => `-${line}`),
      ...after.map((line) => `+${line}`),
    ].join('\n'),
  };
}

/** A head checkout on disk as change analysis reads it: `listFiles` and `readFile` over `<area>/<name>/`. */
export function checkoutFolder(
  area: string,
  name: string,
): { root: string; listFiles: () => string[]; readFile: (path: string) => string | undefined } {
  const root = join(FIXTURES, area, name);
  const listFiles = (): string[] =>
    readdirSync(root, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => relative(root, join(entry.parentPath, entry.name)).split(sep).join('/'))
      .sort();
  const readFile = (path: string): string | undefined => {
    const file = join(root, path);
    return file.startsWith(root) && existsSync(file) ? readFileSync(file, 'utf8') : undefined;
  };
  return { root, listFiles, readFile };
}
