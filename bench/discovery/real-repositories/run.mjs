// Real-repository accuracy benchmark for discovery (see README.md beside this file).
// Usage: node bench/discovery/real-repositories/run.mjs [owner+name ...]   (after `npm run build`)
// Mirrors are read from $DISCOVERY_MIRRORS (default /work/.mirror); absent ones are skipped.
import console from 'node:console';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';
import { materialiseMirror } from './materialise-mirror.mjs';
import { scoreRepository } from './score-repository.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const cli = path.resolve(here, '../../../dist/cli.js');
const mirrors = process.env.DISCOVERY_MIRRORS ?? '/work/.mirror';
const only = new Set(process.argv.slice(2));

if (!existsSync(cli)) {
  console.error('dist/cli.js is missing: run `npm run build` first.');
  process.exit(2);
}

const files = readdirSync(path.join(here, 'expectations')).filter((name) => name.endsWith('.json'));
const totals = { right: 0, facts: 0, wrongFrameworks: 0, repositories: 0 };
for (const file of files.sort()) {
  const name = file.replace(/\.json$/, '');
  if (only.size > 0 && !only.has(name)) continue;
  const expected = JSON.parse(readFileSync(path.join(here, 'expectations', file), 'utf8'));
  const gitDir = path.join(mirrors, name, 'repo');
  if (!existsSync(gitDir)) {
    console.log(`skip ${expected.repository}: no mirror at ${gitDir} (bring it with the fetch tool)`);
    continue;
  }
  const checkout = mkdtempSync(path.join(tmpdir(), `discovery-real-${name}-`));
  try {
    await materialiseMirror(gitDir, expected.commit, checkout);
    const started = Date.now();
    const run = spawnSync(process.execPath, [cli, 'discover', '--json', checkout], {
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
    });
    if (run.status !== 0) throw new Error(`discover failed: ${run.stderr.slice(-2000)}`);
    const score = scoreRepository(expected, JSON.parse(run.stdout));
    totals.right += score.right;
    totals.facts += score.facts;
    totals.wrongFrameworks += score.wrongFrameworks;
    totals.repositories++;
    const share = ((100 * score.right) / score.facts).toFixed(1);
    console.log(
      `${expected.repository.padEnd(48)} ${String(score.right).padStart(4)}/${String(score.facts).padEnd(4)} ${share.padStart(5)}%  ${Date.now() - started} ms`,
    );
    for (const miss of score.misses) console.log(`    miss: ${miss}`);
  } finally {
    rmSync(checkout, { recursive: true, force: true });
  }
}

if (totals.repositories === 0) {
  console.log('No mirror present: nothing measured.');
} else {
  const share = ((100 * totals.right) / totals.facts).toFixed(1);
  console.log(
    `\n${totals.repositories} repositories: ${totals.right} of ${totals.facts} facts right (${share}%); frameworks wrongly claimed: ${totals.wrongFrameworks}`,
  );
}
