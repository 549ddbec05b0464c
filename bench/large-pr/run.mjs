// Times the command line's report on a 3,000-file pull request in four languages, and its peak
// memory, with validation off: what is measured is discovery, change analysis (the code model
// of both sides) and the reviews. Usage: node bench/large-pr/run.mjs [--runs N]
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generatePullRequest } from './generate-pull-request.mjs';

const repository = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const cli = path.join(repository, 'dist', 'cli.js');
const runsAt = process.argv.indexOf('--runs');
const runs = runsAt === -1 ? 3 : Number(process.argv[runsAt + 1]);

if (!existsSync(cli)) {
  console.error('dist/cli.js is missing: run `npm run build` first.');
  process.exit(1);
}

const root = mkdtempSync(path.join(os.tmpdir(), 'bda-large-pr-'));
try {
  const pr = generatePullRequest(root);
  console.log(`Pull request: ${pr.files} files changed, ${pr.added} lines added, 4 languages.`);
  const timed = existsSync('/usr/bin/time');
  const results = [];
  for (let run = 0; run < runs; run++) {
    const command = [cli, 'report', root, '--base', pr.base, '--head', pr.head, '--json', '--no-validate'];
    const started = process.hrtime.bigint();
    const child = timed
      ? spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, ...command], {
          encoding: 'utf8',
          maxBuffer: 512 * 1024 * 1024,
        })
      : spawnSync(process.execPath, command, { encoding: 'utf8', maxBuffer: 512 * 1024 * 1024 });
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    if (child.status !== 0 && child.status !== 1)
      throw new Error(`report failed (${child.status}): ${child.stderr.slice(-2000)}`);
    const report = JSON.parse(child.stdout);
    const rssKb = timed ? Number(child.stderr.trim().split('\n').pop()) : NaN;
    results.push({
      seconds,
      rssMb: rssKb / 1024,
      endpoints: report.analysis.endpoints.length,
      findings: report.findings.length,
    });
  }
  for (const [index, result] of results.entries()) {
    console.log(
      `run ${index + 1}: ${result.seconds.toFixed(2)} s, peak RSS ${result.rssMb.toFixed(0)} MB, ${result.endpoints} endpoint changes, ${result.findings} findings`,
    );
  }
  const sorted = results.map((result) => result.seconds).sort((a, b) => a - b);
  console.log(
    `median: ${sorted[Math.floor(sorted.length / 2)].toFixed(2)} s; peak RSS max ${Math.max(...results.map((r) => r.rssMb)).toFixed(0)} MB (node ${process.version}, ${os.cpus().length} cores)`,
  );
} finally {
  rmSync(root, { recursive: true, force: true });
  execFileSync('true');
}
