// Precision of the review on real commits, judged by hand. Run from anywhere:
//   node bench/review-precision/run.mjs [--case <commit-prefix>] [--reuse] [--todo] [--json]
// For each commit of cases.json it runs `dist/cli.js report --json --no-validate` on a temporary clone of the
// repository's mirror (BENCH_MIRRORS, default /work/.mirror; see ../mirror-report.mjs), collects every finding,
// joins it with verdicts.jsonl and prints precision by area and by rule, high-severity false positives, the
// findings nobody has judged yet, and the report kind of each commit against the one written by hand.
// Results are kept in .tmp/review-precision.json; `--reuse` scores that file again without running the CLI.
// `--todo` prints a verdict stub (JSONL) for each unjudged finding. It always exits 0: it measures.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { markdownTable } from '../markdown-table.mjs';
import { cliPath, mirrorDir, reportOnCommit } from '../mirror-report.mjs';
import { indexVerdicts, joinVerdicts, reportKind, tallyBy } from './score.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const saved = path.join(root, '.tmp', 'review-precision.json');
const args = process.argv.slice(2);
const only = args.includes('--case') ? args[args.indexOf('--case') + 1] : undefined;
const asJson = args.includes('--json');
const out = (line = '') => (asJson ? process.stderr : process.stdout).write(`${line}\n`);

const cases = JSON.parse(readFileSync(path.join(here, 'cases.json'), 'utf8')).cases.filter(
  (c) => !only || c.commit.startsWith(only),
);
const verdicts = indexVerdicts(
  readFileSync(path.join(here, 'verdicts.jsonl'), 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line)),
);

/** The findings and report kind of one commit, or why it could not run. */
function runCase(c) {
  const base = { repo: c.repo, commit: c.commit, expectedKind: c.expectedKind };
  const gitDir = mirrorDir(c.repo);
  if (!gitDir) return { ...base, skipped: `mirror of ${c.repo} not found` };
  const started = Date.now();
  try {
    const report = reportOnCommit(gitDir, c);
    const findings = report.findings.map((f) => ({
      area: f.area,
      rule: f.ruleId,
      severity: f.severity,
      file: f.file,
      line: f.line,
      ...(f.side === 'LEFT' ? { side: 'LEFT' } : {}),
      title: f.title,
    }));
    const kind = reportKind(report);
    return { ...base, kind, typeSignal: report.typeSignal, findings, seconds: (Date.now() - started) / 1000 };
  } catch (error) {
    return { ...base, error: error.message };
  }
}

function runAll() {
  const results = [];
  for (const c of cases) {
    const r = runCase(c);
    results.push(r);
    const id = `${r.repo} ${r.commit.slice(0, 10)}`;
    if (r.skipped) out(`skip ${id}: ${r.skipped}`);
    else if (r.error) out(`FAIL ${id}: ${r.error}`);
    else
      out(
        `${r.kind === r.expectedKind ? 'ok  ' : 'KIND'} ${id}: ${r.findings.length} findings, ` +
          `kind ${r.kind} (expected ${r.expectedKind}; ${r.typeSignal}), ${r.seconds.toFixed(1)}s`,
      );
  }
  mkdirSync(path.dirname(saved), { recursive: true });
  writeFileSync(saved, JSON.stringify(results, null, 2));
  return results;
}

const pct = (value) => (value === null ? '—' : `${(value * 100).toFixed(1)}%`);

function printTable(title, rows) {
  const header = [title, 'findings', 'high', 'judged', 'tp', 'noise', 'fp', 'precision'];
  const lines = rows.map((r) => [
    r.name,
    r.findings,
    r.high,
    r.judged,
    r.tp,
    r.noise,
    r.fp,
    pct(r.precision),
  ]);
  for (const line of markdownTable(header, lines)) out(line);
  out();
}

function printSummary(results) {
  const ran = results.filter((r) => !r.skipped && !r.error);
  const joined = joinVerdicts(ran, verdicts);
  out();
  printTable(
    'area',
    tallyBy(joined, (f) => f.area),
  );
  printTable(
    'rule',
    tallyBy(joined, (f) => f.rule),
  );
  const highFp = joined.filter((f) => f.severity === 'high' && f.verdict?.verdict === 'fp');
  out(`High-severity false positives: ${highFp.length}`);
  for (const f of highFp) out(`  ${f.key}: ${f.verdict.why}`);
  const unjudged = joined.filter((f) => !f.verdict);
  out(`Findings nobody has judged yet: ${unjudged.length}`);
  for (const f of unjudged) out(`  ${f.key} [${f.severity}] ${f.title}`);
  const right = ran.filter((r) => r.kind === r.expectedKind);
  out(`Classification: ${right.length}/${ran.length} as expected`);
  for (const r of ran.filter((x) => x.kind !== x.expectedKind))
    out(`  ${r.repo} ${r.commit.slice(0, 10)}: ${r.kind}, expected ${r.expectedKind} (${r.typeSignal})`);
  const skipped = results.filter((r) => r.skipped).length;
  const failed = results.filter((r) => r.error).length;
  out(`\n${ran.length} commits run, ${failed} failed to run, ${skipped} skipped.`);
  if (args.includes('--todo'))
    for (const f of unjudged) {
      const { repo, commit, rule, file, line, side, title } = f;
      const stub = { repo, commit: commit.slice(0, 10), rule, file, line, side, title, verdict: '', why: '' };
      process.stdout.write(`${JSON.stringify(stub)}\n`);
    }
  if (asJson) process.stdout.write(`${JSON.stringify({ results, findings: joined }, null, 2)}\n`);
}

if (args.includes('--reuse')) {
  if (!existsSync(saved)) out(`${path.relative(root, saved)} not found: run without --reuse first.`);
  else
    printSummary(JSON.parse(readFileSync(saved, 'utf8')).filter((r) => !only || r.commit.startsWith(only)));
} else if (!existsSync(cliPath)) out(`dist/cli.js not found under ${root}: run \`npm run build\` first.`);
else printSummary(runAll());
