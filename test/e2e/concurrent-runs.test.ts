import { describe, expect, it } from 'vitest';
import {
  fakeSha,
  issueCommentPayload,
  pullRequestPayload,
  pullRequestTarget,
  runAction,
  type ActionRun,
} from '../harness/index.js';
import { useCheckout, useGitHubHarness } from './use-fixtures.js';

const github = useGitHubHarness();
const auth = useCheckout('auth-service');

const ROUNDS = 10;
/** Rounds that run at the same time, each on its own PR: the runs mostly wait (GitHub asks for writes a second or more apart), and 10 processes leave a 2-core machine room for the rest of the suite. */
const ROUNDS_AT_ONCE = 2;
const AREAS_WITH_FINDINGS = ['security', 'performance', 'qa'];

const marked = (prNumber: number, name: string) =>
  github.harness.fake.state.comments.filter(
    (c) => c.issueNumber === prNumber && c.body.startsWith(`<!-- backend-developer:${name} `),
  );

/**
 * Two quick pushes and the last push's run, a person adding `handoff:performance` and a
 * `/backend report` command, all on one PR and all started together, as a busy PR gets them
 * (the README's concurrency group keeps labels and commands apart from the report on purpose).
 */
function startRound(prNumber: number): Promise<ActionRun[]> {
  const { fake } = github.harness;
  const { checkout } = auth;
  const pr = {
    title: 'feat(auth): log in with a password',
    baseSha: checkout.baseSha,
    files: checkout.files,
  };
  fake.seed.pullRequest({ number: prNumber, ...pr, headSha: fakeSha(`${prNumber}-first-push`) });
  const first = pullRequestPayload('opened', pullRequestTarget(fake.state, prNumber));
  fake.seed.push(prNumber, { headSha: fakeSha(`${prNumber}-second-push`) });
  const second = pullRequestPayload('synchronize', pullRequestTarget(fake.state, prNumber));
  fake.seed.push(prNumber, { headSha: checkout.headSha });
  const last = pullRequestPayload('synchronize', pullRequestTarget(fake.state, prNumber));
  const labeled = pullRequestPayload('labeled', {
    ...pullRequestTarget(fake.state, prNumber),
    label: 'handoff:performance',
  });
  fake.seed.permission('alice', 'write');
  const command = fake.seed.comment({
    issueNumber: prNumber,
    body: '/backend report',
    user: { login: 'alice', type: 'User' },
  });
  const commented = issueCommentPayload('/backend report', {
    number: prNumber,
    user: 'alice',
    commentId: command.id,
  });
  const run = (event: string, payload: Parameters<typeof runAction>[0]['payload']) =>
    runAction({
      event,
      payload,
      inputs: { validate: 'none' },
      apiUrl: github.harness.apiUrl,
      cwd: checkout.dir,
      timeoutMs: 600_000,
    });
  return Promise.all([
    run('pull_request', first),
    run('pull_request', second),
    run('pull_request', last),
    run('pull_request', labeled),
    run('issue_comment', commented),
  ]);
}

function expectConverged(prNumber: number, runs: ActionRun[]): void {
  const round = `PR #${prNumber}`;
  for (const run of runs) expect(run.exitCode, `${round}: ${run.stderr}`).toBe(0);
  const reports = marked(prNumber, 'report');
  expect(reports, round).toHaveLength(1);
  expect(reports[0]?.body, round).toContain(`sha=${auth.checkout.headSha}`);
  expect(reports[0]?.body, round).toContain('### Handoffs');
  for (const area of AREAS_WITH_FINDINGS)
    expect(marked(prNumber, `review:${area}`), `${round}: ${area}`).toHaveLength(1);
  const fingerprints = github.harness.fake.state.reviewComments
    .filter((c) => c.pullNumber === prNumber)
    .map((c) => /backend-developer:finding:([0-9a-f]+)/.exec(c.body)?.[1]);
  expect(fingerprints.length, round).toBeGreaterThanOrEqual(3);
  expect(new Set(fingerprints).size, `${round}: repeated inline comments`).toBe(fingerprints.length);
}

describe('five runs on one PR at the same time', () => {
  it(`end with one report for the newest commit, one comment per area and no repeated inline comment, ${ROUNDS} times`, async () => {
    for (let start = 0; start < ROUNDS; start += ROUNDS_AT_ONCE) {
      const numbers = Array.from(
        { length: Math.min(ROUNDS_AT_ONCE, ROUNDS - start) },
        (_, i) => 100 + start + i,
      );
      const rounds = await Promise.all(numbers.map(startRound));
      numbers.forEach((n, i) => expectConverged(n, rounds[i] ?? []));
    }
    expect(github.harness.violations()).toEqual([]);
  }, 1_200_000);
});

describe('a run for an older commit that ends last', () => {
  it("leaves the newer commit's report and area comments as they are, and says so", async () => {
    const { fake } = github.harness;
    const { checkout } = auth;
    fake.seed.pullRequest({
      number: 130,
      title: 'feat(auth): log in with a password',
      baseSha: checkout.baseSha,
      files: checkout.files,
      headSha: fakeSha('130-first-push'),
    });
    const old = pullRequestPayload('opened', pullRequestTarget(fake.state, 130));
    fake.seed.push(130, { headSha: checkout.headSha });
    const run = (event: string, payload: Parameters<typeof runAction>[0]['payload']) =>
      runAction({
        event,
        payload,
        inputs: { validate: 'none' },
        apiUrl: github.harness.apiUrl,
        cwd: checkout.dir,
      });
    const newer = await run(
      'pull_request',
      pullRequestPayload('synchronize', pullRequestTarget(fake.state, 130)),
    );
    expect(newer.exitCode, newer.stderr).toBe(0);
    const before = fake.state.comments.map((c) => ({ id: c.id, body: c.body }));
    expect(marked(130, 'report')[0]?.body).toContain(`sha=${checkout.headSha}`);
    const writesBefore = fake.requests().filter((r) => r.method !== 'GET').length;

    const older = await run('pull_request', old);
    expect(older.exitCode, older.stderr).toBe(0);
    expect(fake.state.comments.map((c) => ({ id: c.id, body: c.body }))).toEqual(before);
    expect(fake.requests().filter((r) => r.method !== 'GET').length).toBe(writesBefore);
    expect(older.annotations).toContainEqual(
      expect.objectContaining({
        level: 'notice',
        message: expect.stringContaining(
          `already has results for a newer commit (${checkout.headSha.slice(0, 7)}); the results for ${fakeSha('130-first-push').slice(0, 7)} are in this job's summary only`,
        ),
      }),
    );
    expect(older.summary).toContain('feat(auth): log in with a password');
    expect(github.harness.violations()).toEqual([]);
  }, 600_000);
});
