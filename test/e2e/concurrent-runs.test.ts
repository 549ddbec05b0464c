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
