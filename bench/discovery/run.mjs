// Discovery benchmark: builds a synthetic monorepo (~100,000 files, 300 projects) in a
// temporary directory and runs, each as a fresh process and several times over:
//   ours   — `node dist/cli.js discover --json <dir>`
//   specfy — @specfy/stack-analyser's library API
//   fdir   — a bare fdir crawl of every file, the floor
// It prints median wall time, the ratio to each other contender, and peak RSS.
// Run with `node bench/discovery/run.mjs [runs]` after `npm run build`.
import console from 'node:console';
import { performance } from 'node:perf_hooks';
import process from 'node:process';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateMonorepo } from './generate-monorepo.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const repository = path.resolve(here, '../..');
const runs = Number(process.argv[2] ?? 5);
const timeBinary = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;

const contenders = [
  {
    name: 'ours (dist/cli.js discover --json)',
    args: [path.join(repository, 'dist/cli.js'), 'discover', '--json'],
  },
  { name: '@specfy/stack-analyser', args: [path.join(here, 'analyse-with-specfy.mjs')] },
  { name: 'fdir crawl (floor)', args: [path.join(here, 'crawl-with-fdir.mjs')] },
];

if (!existsSync(contenders[0].args[0])) {
  console.error('dist/cli.js is missing: run `npm run build` first.');
  process.exit(2);
}

const root = mkdtempSync(path.join(tmpdir(), 'discovery-bench-'));
try {
  const started = performance.now();
  const files = generateMonorepo(root);
  console.log(
    `Synthetic monorepo: ${files} files, 300 projects, written in ${Math.round(performance.now() - started)} ms (${root})`,
  );
  const samples = new Map(contenders.map((contender) => [contender.name, []]));
  for (let run = 0; run < runs; run++) {
    // Interleaved, so a noisy moment on the machine hits every contender alike.
    for (const contender of contenders) samples.get(contender.name).push(measure(contender.args, root));
  }
  report(samples);
  const ours = spawnSync(process.execPath, [...contenders[0].args, root], {
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  const result = JSON.parse(ours.stdout);
  console.log(`\nours found ${result.projects.length} projects and ${result.warnings.length} warnings.`);
} finally {
  console.log(`\nRemoving ${root} (a minute or more on some disks)…`);
  rmSync(root, { recursive: true, force: true });
}

/** One fresh process: wall time in ms and peak RSS in MB (from /usr/bin/time -v when present). */
function measure(args, dir) {
  const command = timeBinary ? timeBinary : process.execPath;
  const commandArgs = timeBinary
    ? ['-v', process.execPath, ...args, dir]
    : [path.join(here, 'measure-rss.mjs'), ...args, dir];
  const started = performance.now();
  const child = spawnSync(command, commandArgs, { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const ms = performance.now() - started;
  if (child.status !== 0) throw new Error(`${args[0]} failed: ${child.stderr.slice(-2000)}`);
  const kilobytes = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(child.stderr)?.[1] ?? NaN);
  return { ms, rssMb: kilobytes / 1024 };
}

function report(samples) {
  const rows = [...samples].map(([name, list]) => ({
    name,
    ms: median(list.map((sample) => sample.ms)),
    rssMb: Math.max(...list.map((sample) => sample.rssMb)),
  }));
  const [ours, specfy, floor] = rows;
  console.log(`\n${runs} runs each; median wall time, peak RSS over the runs:\n`);
  for (const row of rows)
    console.log(
      `  ${row.name.padEnd(38)} ${row.ms.toFixed(0).padStart(7)} ms   ${row.rssMb.toFixed(0).padStart(5)} MB`,
    );
  console.log(`\n  ours / specfy: ${(ours.ms / specfy.ms).toFixed(2)}x  (target < 1)`);
  console.log(`  ours / fdir:   ${(ours.ms / floor.ms).toFixed(2)}x  (target <= 3)`);
  console.log(`  ours peak RSS: ${ours.rssMb.toFixed(0)} MB  (target < 300)`);
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}
