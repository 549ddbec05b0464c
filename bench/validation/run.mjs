// Benchmark of the validation phase. Run from the repository root:
//   node bench/validation/run.mjs            (BENCH_RUNS=7 by default)
// It bundles src/validation/validate-projects.ts and src/redaction/redact-secrets.ts
// with esbuild into a temporary file (Node 20 cannot run TypeScript), writes
// two small node:test projects into a temporary folder, and measures:
//   1. overhead: the same test command spawned directly vs run through validateProjects;
//   2. parallelism: two independent projects with parallel 1 vs parallel 2;
//   3. redaction of 1 MB of output.
// Each is measured with a sleep-based suite (waits, so the ratio shows scheduling
// alone) and a CPU-bound suite (busy loops, so it shows real use of two cores).
import { importTypeScript } from '../import-typescript.mjs';
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const TEST_COMMAND = 'node --test';
const silentLog = { startGroup() {}, endGroup() {}, write() {} };

const SUITES = {
  sleep: `import { test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
for (let index = 0; index < 8; index += 1) test('waits ' + index, () => sleep(125));
`,
  cpu: `import { test } from 'node:test';
import assert from 'node:assert/strict';
function countPrimes(limit) {
  let count = 0;
  for (let n = 2; n < limit; n += 1) {
    let prime = true;
    for (let d = 2; d * d <= n; d += 1) if (n % d === 0) { prime = false; break; }
    if (prime) count += 1;
  }
  return count;
}
for (let index = 0; index < 2; index += 1) test('counts primes ' + index, () => assert.equal(countPrimes(3_000_000), 216_816));
`,
};

const work = await mkdtemp(join(tmpdir(), 'bda-bench-validation-'));
try {
  const { validateProjects, createRedactor } = await bundleValidation(work);
  console.log(
    `validation benchmark: ${RUNS} runs each, median shown; ${availableParallelism()} CPUs; node ${process.version}\n`,
  );
  for (const [suite, source] of Object.entries(SUITES)) {
    const projects = await writeProjects(work, suite, source);
    await measureOverhead(suite, projects[0], work, validateProjects);
    await measureParallelism(suite, projects, work, validateProjects);
  }
  await measureFixedCost(work, validateProjects);
  measureRedaction(createRedactor);
} finally {
  await rm(work, { recursive: true, force: true });
}

async function bundleValidation(dir) {
  const entry = join(dir, 'entry.ts');
  const src = join(process.cwd(), 'src');
  await writeFile(
    entry,
    `export { validateProjects } from ${JSON.stringify(join(src, 'validation/validate-projects.ts'))};\n` +
      `export { createRedactor } from ${JSON.stringify(join(src, 'redaction/redact-secrets.ts'))};\n`,
  );
  return importTypeScript(entry);
}

async function writeProjects(root, suite, source) {
  const projects = [];
  for (const name of ['one', 'two']) {
    const path = `${suite}-${name}`;
    await mkdir(join(root, path, 'test'), { recursive: true });
    await writeFile(
      join(root, path, 'package.json'),
      JSON.stringify({ name: path, private: true, type: 'module' }),
    );
    await writeFile(join(root, path, 'test', 'suite.test.mjs'), source);
    projects.push(makeProject(path));
  }
  return projects;
}

function makeProject(path) {
  return {
    path,
    language: 'javascript',
    languageVersion: null,
    packageManager: 'npm',
    frameworks: [],
    databases: [],
    orms: [],
    testFrameworks: ['node:test'],
    linters: [],
    commands: { test: { run: TEST_COMMAND, source: 'bench' } },
    dockerfiles: [],
    dependencies: [],
  };
}

function validateOptions(root, parallel) {
  return { root, parallel, timeoutMs: 120_000, install: 'skip', log: silentLog, redact: (text) => text };
}

async function measureOverhead(suite, project, root, validateProjects) {
  const direct = [];
  const through = [];
  for (let run = 0; run < RUNS; run += 1) {
    // Alternate the order so neither side always runs on a warmer machine.
    const pair = [
      async () => direct.push(await timed(() => spawnDirect(TEST_COMMAND, join(root, project.path)))),
      async () =>
        through.push(await timed(() => expectPassed(validateProjects([project], validateOptions(root, 1))))),
    ];
    for (const step of run % 2 ? pair.reverse() : pair) await step();
  }
  const ratio = median(through) / median(direct);
  console.log(
    `[${suite}] overhead   direct spawn ${ms(median(direct))}  validateProjects ${ms(median(through))}  ratio ${ratio.toFixed(3)} (${signedPercent(ratio)}; target ≤ +5%)`,
  );
}

async function measureParallelism(suite, projects, root, validateProjects) {
  const serial = [];
  const parallel = [];
  for (let run = 0; run < RUNS; run += 1) {
    const pair = [
      async () =>
        serial.push(await timed(() => expectPassed(validateProjects(projects, validateOptions(root, 1))))),
      async () =>
        parallel.push(await timed(() => expectPassed(validateProjects(projects, validateOptions(root, 2))))),
    ];
    for (const step of run % 2 ? pair.reverse() : pair) await step();
  }
  const ratio = median(parallel) / median(serial);
  console.log(
    `[${suite}] two projects  parallel 1 ${ms(median(serial))}  parallel 2 ${ms(median(parallel))}  ratio ${ratio.toFixed(3)} (target ≤ 0.6)`,
  );
}

/** The absolute cost per command, with a command that does nothing: spawn, group kill, report scan, parsing. */
async function measureFixedCost(root, validateProjects) {
  await mkdir(join(root, 'noop'), { recursive: true });
  const project = { ...makeProject('noop'), commands: { test: { run: 'true', source: 'bench' } } };
  const direct = [];
  const through = [];
  for (let run = 0; run < RUNS * 4; run += 1) {
    direct.push(await timed(() => spawnDirect('true', join(root, 'noop'))));
    through.push(await timed(() => expectPassed(validateProjects([project], validateOptions(root, 1)))));
  }
  console.log(
    `[fixed] a no-op command: direct spawn ${ms(median(direct), 1)}  validateProjects ${ms(median(through), 1)}  (+${ms(median(through) - median(direct), 1)} per command)`,
  );
}

function measureRedaction(createRedactor) {
  const env = Object.fromEntries(
    Array.from({ length: 30 }, (_, index) => [`SERVICE_${index}_TOKEN`, `secret-value-number-${index}`]),
  );
  const redact = createRedactor({ env });
  const line =
    '    at Object.<anonymous> (src/app.test.js:12:5) expected 3 to be 4 password=abc secret-value-number-7\n';
  const text = line.repeat(Math.ceil((1024 * 1024) / line.length));
  const times = [];
  for (let run = 0; run < RUNS; run += 1) {
    const started = performance.now();
    redact(text);
    times.push(performance.now() - started);
  }
  console.log(`[redaction] 1 MB with 30 env secrets and all patterns: ${ms(median(times))}`);
}

function spawnDirect(command, cwd) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, { cwd, shell: true, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.resume();
    child.stderr.resume();
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`${command} exited ${code}`))));
  });
}

async function expectPassed(promise) {
  const summary = await promise;
  if (summary.status !== 'passed')
    throw new Error(`benchmark suite did not pass: ${JSON.stringify(summary)}`);
}

async function timed(action) {
  const started = performance.now();
  await action();
  return performance.now() - started;
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

function ms(value, digits = 0) {
  return `${value.toFixed(digits)} ms`;
}

function signedPercent(ratio) {
  const percent = (ratio - 1) * 100;
  return `${percent >= 0 ? '+' : ''}${percent.toFixed(1)}%`;
}
