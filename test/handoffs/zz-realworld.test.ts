import { it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { reviewAll } from '../../src/handoffs/review-all.js';
import { addedFile } from './fixture-changes.js';

function walk(dir: string, out: string[], limit: number): void {
  if (out.length >= limit) return;
  let names: string[] = [];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    const full = join(dir, name);
    let st;
    try {
      st = statSync(full);
    } catch {
      continue;
    }
    if (st.isDirectory()) {
      if (name !== 'test' && name !== 'tests' && name !== '__tests__') walk(full, out, limit);
    } else if (
      /\.(js|mjs|cjs|ts|py|go|rb|php|java|rs)$/.test(name) &&
      !name.endsWith('.d.ts') &&
      !name.includes('.min.') &&
      st.size < 200_000
    )
      out.push(full);
    if (out.length >= limit) return;
  }
}

it('real world', () => {
  const roots = (process.env.ROOTS ?? 'src').split(',');
  const files: string[] = [];
  for (const root of roots) walk(root, files, Number(process.env.LIMIT ?? 3000));
  const changes = files.map((f) =>
    addedFile(
      `src/${relative('/', f)
        .replace(/^.*node_modules\//, 'lib/')
        .replace(/\/(dist|build|lib)\//g, '/pkg/')}`,
      readFileSync(f, 'utf8'),
    ),
  );
  const findings = reviewAll(changes, {});
  const byRule = new Map<string, number>();
  for (const f of findings) byRule.set(f.ruleId, (byRule.get(f.ruleId) ?? 0) + 1);
  console.log(`files ${changes.length}, findings ${findings.length}`);
  console.log(
    [...byRule]
      .sort((a, b) => b[1] - a[1])
      .map(([r, n]) => `${n}\t${r}`)
      .join('\n'),
  );
  const show = (process.env.SHOW ?? '').split(',').filter(Boolean);
  const lines = new Map(changes.map((c) => [c.path, c.patch!.split('\n')]));
  for (const f of findings.filter((x) => show.includes(x.ruleId)).slice(0, Number(process.env.N ?? 40))) {
    console.log(
      `${f.ruleId} ${f.file}:${f.line} ${f.title}\n    ${(lines.get(f.file)?.[f.line] ?? '').slice(0, 200)}`,
    );
  }
});
