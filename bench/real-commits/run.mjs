// Real-commit benchmark of the endpoint changes `report` finds. Run from anywhere:
//   node bench/real-commits/run.mjs [--case <commit-prefix>] [--round <1|2>] [--json]
// For each hand-written case in expected/*.json it clones the repository's mirror (BENCH_MIRRORS, default
// /work/.mirror, as <owner>+<name>/repo or <owner>+<name>) into a temporary folder, checks out the commit,
// runs `dist/cli.js report <clone> --base <parent> --head <commit> --json --no-validate`, and compares the
// reported `.analysis.endpoints` with the expectation. Cases whose mirror is absent are skipped with a
// message. It prints misses and extras per case and recall and precision per framework; it always exits 0.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { compare, expectedKeys, reportedKeys, tally } from './compare.mjs';
import { markdownTable } from '../markdown-table.mjs';
import { cliPath as cli, mirrorDir, reportOnCommit } from '../mirror-report.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const args = process.argv.slice(2);
const only = args.includes('--case') ? args[args.indexOf('--case') + 1] : undefined;
const round = args.includes('--round') ? Number(args[args.indexOf('--round') + 1]) : undefined;
const asJson = args.includes('--json');
const log = (line) => (asJson ? process.stderr : process.stdout).write(`${line}\n`);

/** Every case of every expectation file, with its repository's framework and mirror. */
function loadCases() {
  const dir = path.join(here, 'expected');
  return readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .flatMap((name) => {
      const doc = JSON.parse(readFileSync(path.join(dir, name), 'utf8'));
      return doc.cases.map((c) => ({
        ...c,
        repo: doc.repo,
        mirror: doc.mirror,
        framework: doc.framework[0],
        round: doc.round ?? 1,
      }));
    })
    .filter((c) => !only || c.commit.startsWith(only))
    .filter((c) => round === undefined || c.round === round);
}

/** Runs and scores one case, or records why it could not run. */
function runCase(c) {
  const base = { repo: c.repo, commit: c.commit, framework: c.framework, kind: c.kind, round: c.round };
  const gitDir = mirrorDir(c.repo);
  if (!gitDir) return { ...base, skipped: `mirror ${c.mirror} not found` };
  const expected = expectedKeys(c.expected);
  try {
    const started = Date.now();
    const reported = reportedKeys(reportOnCommit(gitDir, c).analysis?.endpoints ?? []);
    return { ...base, ...compare(expected, reported), seconds: (Date.now() - started) / 1000 };
  } catch (error) {
    return { ...base, error: error.message, hits: 0, misses: [...expected], extras: [] };
  }
}

function printCase(r) {
  const id = `${r.repo} ${r.commit.slice(0, 10)} (${r.kind})`;
  if (r.skipped) return log(`skip ${id}: ${r.skipped}`);
  if (r.error) return log(`FAIL ${id}: ${r.error}`);
  const ok = r.misses.length === 0 && r.extras.length === 0;
  log(`${ok ? 'ok  ' : 'diff'} ${id}: ${r.hits} found, ${r.misses.length} missed, ${r.extras.length} extra`);
  for (const m of r.misses) log(`       missed ${m}`);
  for (const x of r.extras) log(`       extra  ${x}`);
}

const pct = (value) => (value === null ? '—' : `${(value * 100).toFixed(1)}%`);

function printTable(rows) {
  const header = ['framework', 'cases', 'exact', 'expected', 'found', 'extra', 'recall', 'precision'];
  const lines = rows.map((r) => [
    r.framework,
    r.cases,
    r.exact,
    r.expected,
    r.hits,
    r.extras,
    pct(r.recall),
    pct(r.precision),
  ]);
  for (const line of markdownTable(header, lines)) log(line);
}

if (!existsSync(cli)) {
  log(`dist/cli.js not found under ${root}: run \`npm run build\` first.`);
} else {
  const cases = loadCases();
  if (cases.length === 0) log(only ? `no case starts with ${only}` : 'no cases found');
  const results = [];
  for (const c of cases) {
    const result = runCase(c);
    results.push(result);
    printCase(result);
  }
  const ran = results.filter((r) => !r.skipped);
  const skipped = results.length - ran.length;
  const rounds = [...new Set(ran.map((r) => r.round))].sort();
  const summaries = rounds.map((n) => ({ round: n, rows: tally(ran.filter((r) => r.round === n)) }));
  if (asJson) process.stdout.write(`${JSON.stringify({ results, summary: summaries }, null, 2)}\n`);
  else
    for (const { round: n, rows } of summaries) {
      log(`\nRound ${n}${n === 2 ? ' (held out)' : ''}:`);
      printTable(rows);
    }
  const failed = ran.filter((r) => r.error).length;
  log(`\n${ran.length} cases run (${failed} failed to run, counted as misses), ${skipped} skipped.`);
}
