import type { ChangedFile } from '../../src/code/diff/changed-file.js';

function addedFile(path: string, lines: string[]): ChangedFile {
  const patch = `@@ -0,0 +1,${lines.length} @@\n${lines.map((line) => `+${line}`).join('\n')}`;
  return { path, status: 'added', additions: lines.length, deletions: 0, patch };
}

function numbered<T>(count: number, make: (n: number) => T): T[] {
  return Array.from({ length: count }, (_, n) => make(n));
}

/** The files a huge pull request should spend no tokens on, in the order they are dropped. */
export const SPECIAL_FILES: ReadonlyArray<{ file: ChangedFile; reason: string }> = [
  {
    file: addedFile(
      'package-lock.json',
      numbered(2_000, (n) => `"dep-${n}": "1.0.${n}",`),
    ),
    reason: 'lockfile',
  },
  {
    file: addedFile(
      'services/api/yarn.lock',
      numbered(500, (n) => `dep-${n}@^1: version "1.${n}"`),
    ),
    reason: 'lockfile',
  },
  {
    file: addedFile(
      'go.sum',
      numbered(300, (n) => `example.com/m${n} v1.0.0 h1:abc${n}=`),
    ),
    reason: 'lockfile',
  },
  {
    file: addedFile(
      'Cargo.lock',
      numbered(300, (n) => `name = "crate-${n}"`),
    ),
    reason: 'lockfile',
  },
  {
    file: addedFile(
      'poetry.lock',
      numbered(300, (n) => `name = "pkg-${n}"`),
    ),
    reason: 'lockfile',
  },
  {
    file: addedFile(
      'dist/index.js',
      numbered(800, (n) => `var a${n}=${n};`),
    ),
    reason: 'generated',
  },
  {
    file: addedFile(
      'api/orders.pb.go',
      numbered(200, (n) => `// field ${n}`),
    ),
    reason: 'generated',
  },
  {
    file: addedFile(
      'src/__generated__/schema.ts',
      numbered(200, (n) => `export type T${n} = string;`),
    ),
    reason: 'generated',
  },
  { file: addedFile('public/app.min.js', ['!function(){}();']), reason: 'minified' },
  { file: addedFile('static/bundle-long-line.js', ['x'.repeat(5_000)]), reason: 'minified' },
  {
    file: addedFile(
      'vendor/github.com/acme/lib/lib.go',
      numbered(100, (n) => `func F${n}() {}`),
    ),
    reason: 'vendored',
  },
  {
    file: addedFile(
      'third_party/zlib/zlib.c',
      numbered(100, (n) => `int f${n}(void);`),
    ),
    reason: 'vendored',
  },
  {
    file: { path: 'assets/logo.png', status: 'added', additions: 0, deletions: 0, patchOmitted: 'binary' },
    reason: 'binary',
  },
];

/** Files each area cares most about, which a tight budget must still keep. */
export const RELEVANT_FILES: readonly ChangedFile[] = [
  addedFile('src/auth/login.ts', [
    'const hash = md5(password);',
    'if (hash === user.passwordHash) return token;',
  ]),
  addedFile('db/migrations/0042_add_orders_status.sql', [
    'ALTER TABLE orders ADD COLUMN status text NOT NULL;',
  ]),
  addedFile('Dockerfile', ['FROM node:latest', 'USER root']),
];

/**
 * A 3,000-file pull request (GitHub's maximum): lockfiles, generated, minified, vendored and
 * binary files, three files the areas care about, and thousands of ordinary source files.
 */
export function syntheticPullRequestFiles(total = 3_000): ChangedFile[] {
  const fixed = [...SPECIAL_FILES.map((s) => s.file), ...RELEVANT_FILES];
  const ordinary = numbered(total - fixed.length, (i) =>
    addedFile(
      `packages/p${i % 50}/src/module-${i}.ts`,
      numbered(5 + (i % 40), (k) => `export const value${k} = compute(${i}, ${k}); // plain module code`),
    ),
  );
  return [...fixed, ...ordinary];
}
