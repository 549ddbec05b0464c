// Measures the action's own cost on an opened pull request with `validate: none`: the wall
// time of `node dist/index.js` as a process (Node 24, as on a runner) against the local fake
// GitHub API, and the number of API calls it makes.
//
//   npm run build && node bench/action-overhead/run.mjs [runs]
//
// The harness is TypeScript; it is bundled here with esbuild into a temporary module.
import path from 'node:path';
import { importTypeScript, repositoryRoot as root } from '../import-typescript.mjs';

const runs = Number(process.argv[2] ?? 7);
const { startFakeGitHub, pullRequestPayload, pullRequestTarget, runAction, makeCheckout } =
  await importTypeScript(path.join(root, 'bench/action-overhead/harness-entry.ts'));

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

const fake = await startFakeGitHub();
fake.setPublicUrl(fake.url);
const checkout = makeCheckout(path.join(root, 'test/fixtures/e2e/two-services'));
const times = [];
const calls = [];
const writes = [];
try {
  for (let i = 0; i < runs; i++) {
    fake.reset();
    fake.seed.pullRequest({
      number: 3,
      title: 'Discounts and reservations',
      headSha: checkout.headSha,
      baseSha: checkout.baseSha,
      files: checkout.files,
    });
    const started = process.hrtime.bigint();
    const result = await runAction({
      event: 'pull_request',
      payload: pullRequestPayload('opened', pullRequestTarget(fake.state, 3)),
      inputs: { validate: 'none' },
      apiUrl: fake.url,
      node: 'node24',
      cwd: checkout.dir,
    });
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    if (result.exitCode !== 0) throw new Error(`run ${i} failed:\n${result.stdout}\n${result.stderr}`);
    times.push(ms);
    const requests = fake.requests();
    calls.push(requests.length);
    writes.push(requests.filter((r) => r.method !== 'GET').length);
  }
} finally {
  await fake.stop();
  checkout.remove();
}
console.log(`runs: ${runs}`);
console.log(
  `wall time (median): ${median(times).toFixed(0)} ms  [min ${Math.min(...times).toFixed(0)}, max ${Math.max(...times).toFixed(0)}]`,
);
console.log(`API calls per run (median): ${median(calls)} (of which writes: ${median(writes)})`);
