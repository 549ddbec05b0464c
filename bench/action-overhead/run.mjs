// Measures the action's own cost per scenario with `validate: none`: the GitHub API calls and
// writes it makes, and the wall time of `node dist/index.js` as a process (Node 24, as on a
// runner) against the local fake GitHub API. Calls and writes are the figures that matter:
// GitHub asks integrations to space writes a second apart (three for comments), so the writes
// are most of a run's wall time.
//
//   npm run build && node bench/action-overhead/run.mjs [runs-per-scenario] [--list]
//
// `--list` also prints each scenario's requests (of its last run), in order.
//
// Scenarios, each on a fresh pull request:
//   opened, nothing to say    a one-line change (test/fixtures/e2e/one-line-change), checkout at the merge commit
//   opened, three areas       test/fixtures/e2e/auth-service: security, performance and qa findings
//   synchronize               the same PR after a push that fixes one finding (measured after an opened run)
//   labeled                   a person adds handoff:performance (after an opened run)
//   /backend report           a write-access user comments the command (after an opened run)
//
// The harness is TypeScript; it is bundled here with esbuild into a temporary module.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { importTypeScript, repositoryRoot as root } from '../import-typescript.mjs';

const args = process.argv.slice(2);
const list = args.includes('--list');
const runs = Number(args.find((a) => /^\d+$/.test(a)) ?? 3);
const harness = await importTypeScript(path.join(root, 'bench/action-overhead/harness-entry.ts'));
const { startFakeGitHub, pullRequestPayload, pullRequestTarget, issueCommentPayload, runAction } = harness;

const WRITES = new Set(['POST', 'PATCH', 'PUT', 'DELETE']);
const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

const fake = await startFakeGitHub();
fake.setPublicUrl(fake.url);
const quiet = harness.makeCheckout(path.join(root, 'test/fixtures/e2e/one-line-change'));
const merge = harness.checkOutMergeCommit(quiet);
const auth = harness.makeCheckout(path.join(root, 'test/fixtures/e2e/auth-service'));

function git(dir, ...args) {
  return execFileSync(
    'git',
    ['-c', 'user.name=b', '-c', 'user.email=b@example.com', '-c', 'commit.gpgsign=false', ...args],
    {
      cwd: dir,
      encoding: 'utf8',
    },
  ).trim();
}

/** A second commit on the auth-service checkout that fixes the JWT finding, for `synchronize`. */
function fixCommit() {
  const file = path.join(auth.dir, 'src/auth/login.js');
  git(auth.dir, 'checkout', '--quiet', '--detach', auth.headSha);
  const fixed = readFileSync(file, 'utf8').replace(
    'jwt.decode(req.headers.authorization.slice(7))',
    'jwt.verify(req.headers.authorization.slice(7), process.env.JWT_SECRET)',
  );
  writeFileSync(file, fixed);
  git(auth.dir, 'commit', '--quiet', '--all', '-m', 'fix');
  const headSha = git(auth.dir, 'rev-parse', 'HEAD');
  const diff = git(
    auth.dir,
    'diff',
    '--unified=3',
    `${auth.baseSha}...${headSha}`,
    '--',
    'src/auth/login.js',
  );
  git(auth.dir, 'checkout', '--quiet', '--detach', auth.headSha);
  return { headSha, patch: diff.slice(diff.indexOf('@@')) };
}
const fix = fixCommit();

let nextPr = 1;
const action = (event, payload, cwd) =>
  runAction({ event, payload, inputs: { validate: 'none' }, apiUrl: fake.url, node: 'node24', cwd });

async function openedWithFindings() {
  const number = nextPr++;
  fake.seed.pullRequest({
    number,
    title: 'feat(auth): log in with a password',
    headSha: auth.headSha,
    baseSha: auth.baseSha,
    files: auth.files,
  });
  return {
    number,
    run: () =>
      action('pull_request', pullRequestPayload('opened', pullRequestTarget(fake.state, number)), auth.dir),
  };
}

const scenarios = {
  'opened, nothing to say': async () => {
    const number = nextPr++;
    fake.seed.pullRequest({
      number,
      title: 'Raise the default page size',
      headSha: quiet.headSha,
      baseSha: quiet.baseSha,
      files: quiet.files,
    });
    const payload = pullRequestPayload('opened', pullRequestTarget(fake.state, number));
    payload.pull_request.merge_commit_sha = merge;
    return () => action('pull_request', payload, quiet.dir);
  },
  'opened, three areas': async () => (await openedWithFindings()).run,
  synchronize: async () => {
    const pr = await openedWithFindings();
    await pr.run();
    return async () => {
      git(auth.dir, 'checkout', '--quiet', fix.headSha);
      fake.seed.push(pr.number, {
        headSha: fix.headSha,
        files: auth.files.map((f) => (f.filename === 'src/auth/login.js' ? { ...f, patch: fix.patch } : f)),
      });
      try {
        return await action(
          'pull_request',
          pullRequestPayload('synchronize', pullRequestTarget(fake.state, pr.number)),
          auth.dir,
        );
      } finally {
        git(auth.dir, 'checkout', '--quiet', auth.headSha);
      }
    };
  },
  labeled: async () => {
    const pr = await openedWithFindings();
    await pr.run();
    const payload = pullRequestPayload('labeled', {
      ...pullRequestTarget(fake.state, pr.number),
      label: 'handoff:performance',
    });
    return () => action('pull_request', payload, auth.dir);
  },
  '/backend report': async () => {
    const pr = await openedWithFindings();
    await pr.run();
    fake.seed.permission('alice', 'write');
    const command = fake.seed.comment({
      issueNumber: pr.number,
      body: '/backend report',
      user: { login: 'alice', type: 'User' },
    });
    return () =>
      action(
        'issue_comment',
        issueCommentPayload('/backend report', { number: pr.number, user: 'alice', commentId: command.id }),
        auth.dir,
      );
  },
};

const rows = [];
try {
  for (const [name, prepare] of Object.entries(scenarios)) {
    const times = [];
    const calls = [];
    const writes = [];
    let last = [];
    for (let i = 0; i < runs; i++) {
      fake.reset();
      const run = await prepare();
      const before = fake.requests().length;
      const started = process.hrtime.bigint();
      const result = await run();
      times.push(Number(process.hrtime.bigint() - started) / 1e6);
      if (result.exitCode !== 0) throw new Error(`${name} failed:\n${result.stdout}\n${result.stderr}`);
      const requests = fake.requests().slice(before);
      last = requests.map((r) => `${r.method} ${r.operationId ?? r.path} ${r.status}`);
      calls.push(requests.length);
      writes.push(requests.filter((r) => WRITES.has(r.method)).length);
    }
    rows.push({ name, calls: median(calls), writes: median(writes), ms: median(times), requests: last });
  }
} finally {
  await fake.stop();
  quiet.remove();
  auth.remove();
}
console.log(`runs per scenario: ${runs} (medians)`);
console.log('| scenario | API calls | writes | wall time |');
console.log('| --- | --- | --- | --- |');
for (const row of rows)
  console.log(`| ${row.name} | ${row.calls} | ${row.writes} | ${(row.ms / 1000).toFixed(1)} s |`);
if (list) for (const row of rows) console.log(`\n${row.name}:\n  ${row.requests.join('\n  ')}`);
