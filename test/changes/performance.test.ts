import { describe, expect, it } from 'vitest';
import { analyzeChanges } from '../../src/changes/analyze-changes.js';
import type { ChangedFile } from '../../src/code/diff/changed-file.js';
import { projectFrom } from './diff-fixture.js';

// GitHub lists at most 3,000 files per PR; spread 100,000 changed lines over them in the
// languages and file kinds every reader looks at (routes, migrations, manifests, env reads).
function syntheticPullRequest(): { files: ChangedFile[]; contents: Map<string, string> } {
  const files: ChangedFile[] = [];
  const contents = new Map<string, string>();
  const kinds = [
    (i: number) => ({
      path: `services/s${i % 30}/src/routes/r${i}.ts`,
      line: (n: number) =>
        `router.get('/items/${i}/${n}', auth, handlers.h${n}); const v${n} = process.env.VAR_${n};`,
    }),
    (i: number) => ({
      path: `services/s${i % 30}/app/api/r${i}.py`,
      line: (n: number) =>
        `@router.post("/things/${n}")\ndef handler_${i}_${n}(): return os.getenv("X_${n}")`,
    }),
    (i: number) => ({
      path: `services/s${i % 30}/internal/r${i}.go`,
      line: (n: number) => `\tg.GET("/v/${n}", h.H${n}) // os.Getenv("G_${n}")`,
    }),
    (i: number) => ({
      path: `services/s${i % 30}/db/migrate/V${i}__m.sql`,
      line: (n: number) => `ALTER TABLE t${n} ADD COLUMN c${n} text NOT NULL; -- ${'x'.repeat(20)}`,
    }),
    (i: number) => ({
      path: `services/s${i % 30}/src/main/java/C${i}.java`,
      line: (n: number) =>
        `    @GetMapping("/c/${n}") public String m${n}() { return System.getenv("J_${n}"); }`,
    }),
    (i: number) => ({
      path: `services/s${i % 30}/requirements-${i}.txt`,
      line: (n: number) => `package-${n}==1.${n}.0`,
    }),
  ];
  const linesPerFile = Math.ceil(100_000 / 3_000);
  for (let i = 0; i < 3_000; i++) {
    const kind = kinds[i % kinds.length]?.(i);
    if (!kind) continue;
    const body: string[] = [];
    for (let n = 0; n < linesPerFile; n++) body.push(...kind.line(n).split('\n'));
    const old = body.map((line) => line.replace(/\d+/, '0'));
    const patch = [
      `@@ -1,${old.length} +1,${body.length} @@`,
      ...old.map((line) => `-${line}`),
      ...body.map((line) => `+${line}`),
    ].join('\n');
    files.push({ path: kind.path, status: 'modified', additions: body.length, deletions: old.length, patch });
    contents.set(kind.path, `${body.join('\n')}\n`);
  }
  return { files, contents };
}

describe('analyzeChanges on a large PR', () => {
  const { files, contents } = syntheticPullRequest();
  const projects = Array.from({ length: 30 }, (_, i) =>
    projectFrom({ path: `services/s${i}`, language: 'typescript' }),
  );
  const changedLines = files.reduce((sum, file) => sum + file.additions + file.deletions, 0);

  // Time is measured by bench/large-pr, not here: these check the results at that size.
  it('reads 3,000 files and 100,000+ changed lines from the diff alone', async () => {
    expect(files).toHaveLength(3_000);
    expect(changedLines).toBeGreaterThanOrEqual(100_000);
    const analysis = await analyzeChanges({ files, projects });
    expect(analysis.totals.files).toBe(3_000);
    expect(analysis.endpoints.length).toBeGreaterThan(1_000);
  });

  it('reads every file from the checkout as well', async () => {
    const analysis = await analyzeChanges({ files, projects, readFile: (path) => contents.get(path) });
    expect(analysis.migrations.length).toBe(500);
  });
});
