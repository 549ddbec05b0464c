// Classifies every case with this checkout's classifier and prints accuracy and misses.
//   node bench/classification/run.mjs [--holdout | --third | --all] [--json]
// Default: the first (tuning) set, expected.json; --holdout: expected-holdout.json; --third:
// expected-third.json; --all: the three.
// Mirrors are read from BENCH_MIRRORS (default /work/.mirror); cases whose mirror is absent are skipped.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { importTypeScript, repositoryRoot } from '../import-typescript.mjs';
import { mirrorDir, readCase } from './read-case.mjs';

const here = path.join(repositoryRoot, 'bench', 'classification');
const read = (name) => JSON.parse(readFileSync(path.join(here, name), 'utf8'));
const SETS = { '--holdout': 'expected-holdout.json', '--third': 'expected-third.json' };
const chosen = Object.entries(SETS).find(([flag]) => process.argv.includes(flag))?.[1];
const cases = process.argv.includes('--all')
  ? ['expected.json', ...Object.values(SETS)].flatMap(read)
  : read(chosen ?? 'expected.json');
const { classifyPullRequest } = await importTypeScript(
  path.join(repositoryRoot, 'src', 'changes', 'classify-pull-request.ts'),
);

const results = [];
const skippedRepos = new Set();
for (const c of cases) {
  const dir = mirrorDir(c.repo);
  if (!dir) {
    skippedRepos.add(c.repo);
    continue;
  }
  const found = readCase(dir, c.sha);
  const got = classifyPullRequest({
    labels: [],
    title: found.title,
    body: found.body,
    headBranch: found.branch,
    author: found.author,
    paths: found.paths,
  });
  results.push({ ...c, got: got.kind, signal: got.signal });
}

for (const repo of skippedRepos) console.error(`skipped ${repo}: no mirror (fetch it, or set BENCH_MIRRORS)`);
if (results.length === 0) {
  console.log('No mirror found: nothing measured.');
  process.exit(0);
}
const misses = results.filter((r) => r.got !== r.expected);
if (process.argv.includes('--json')) {
  console.log(
    JSON.stringify({ cases: results.length, correct: results.length - misses.length, results }, null, 2),
  );
  process.exit(0);
}

const classes = ['fix', 'feature', 'change'];
console.log('| expected \\ got | ' + classes.join(' | ') + ' |');
console.log('| --- | ' + classes.map(() => '---').join(' | ') + ' |');
for (const expected of classes) {
  const row = classes.map((got) => results.filter((r) => r.expected === expected && r.got === got).length);
  console.log(`| ${expected} | ${row.join(' | ')} |`);
}
console.log('');
for (const miss of misses) {
  console.log(
    `MISS ${miss.repo} ${miss.sha.slice(0, 10)} expected ${miss.expected}, got ${miss.got} by ${miss.signal}`,
  );
  console.log(`     ${miss.title}`);
  console.log(`     why ${miss.expected}: ${miss.why}`);
}
const correct = results.length - misses.length;
console.log(`\naccuracy: ${correct}/${results.length} (${((100 * correct) / results.length).toFixed(1)}%)`);
