import { beforeEach, describe, expect, it } from 'vitest';
import type { RecordedRequest, ScriptedResponse } from '../llm/fake-messages-server.js';
import { pullRequestPayload, pullRequestTarget, runAction } from '../harness/index.js';
import { useFakeMessagesServer, useGitHubHarness } from './use-fixtures.js';

const KEY = 'sk-ant-api03-e2e-redaction-key-0000000000000000000000000';
// Built at run time, so no credential-shaped literal sits in the repository for scanners to trip on.
const r = (text: string, times: number) => text.repeat(times);

/** Twenty secrets, each named for where it is planted; `secret` is the part that must never leave. */
const CANARIES = {
  titleGitHubToken: `ghp_${r('T1t', 12)}`,
  titleAwsKey: `AKIA${r('TQ', 8)}`,
  bodyFineGrained: `github_pat_11BODY${r('b0', 40)}`,
  bodyAnthropic: `sk-ant-api03-${r('B0dy_', 19)}AA`,
  bodySlack: `xoxb-${r('1234567890', 2)}-${r('SlAcK', 5)}`,
  bodyNpm: `npm_${r('n9P1m2', 6)}`,
  bodyStripe: `sk_live_${r('StR1pE', 5)}`,
  bodyGoogle: `AIza${r('G0oGlE', 5)}zzzzz`,
  bodyUrlPassword: 'canary-url-p4ssw0rd',
  commitGitLab: `glpat-${r('C0mM', 6)}`,
  diffPemBody: r('MIIEcanaryPEMbody', 4),
  diffPassword: 'canary-hunter2-pass',
  diffApiKey: 'canaryApiKeyValue9f8e7d',
  diffJwt: `eyJhbGciOiJIUzI1NiJ9.${r('eyJjYW5hcnki', 2)}.${r('c2lnbmF0dXJl', 2)}`,
  diffSendGrid: `SG.${r('sg', 11)}.${r('k', 43)}`,
  diffAwsTemporary: `ASIA${r('DF', 8)}`,
  diffOpenAi: `sk-proj-${r('o1', 12)}T3BlbkFJ${r('p2', 12)}`,
  diffTwilio: `SK${r('7e', 16)}`,
  diffPyPi: `pypi-AgEIcHlwaS5vcmc${r('Py1-', 13)}`,
  diffGitHubInstallation: `ghs_${r('D1ff', 9)}`,
};

const TITLE = `Wire the deploy client (${CANARIES.titleGitHubToken}, ${CANARIES.titleAwsKey})`;
const BODY = [
  'Connects the deploy client. Credentials used while testing, to be rotated:',
  `- ${CANARIES.bodyFineGrained}`,
  `- ANTHROPIC=${CANARIES.bodyAnthropic}`,
  `- slack ${CANARIES.bodySlack} and npm ${CANARIES.bodyNpm}`,
  `- stripe ${CANARIES.bodyStripe}, maps ${CANARIES.bodyGoogle}`,
  `- registry https://deploy:${CANARIES.bodyUrlPassword}@registry.example.com/v2/`,
].join('\n');
const CONFIG_PATCH = [
  '@@ -0,0 +1,13 @@',
  `+const password = "${CANARIES.diffPassword}";`,
  `+export const settings = { api_key: "${CANARIES.diffApiKey}", session: "${CANARIES.diffJwt}" };`,
  `+export const mail = '${CANARIES.diffSendGrid}';`,
  `+export const aws = '${CANARIES.diffAwsTemporary}';`,
  `+export const openai = '${CANARIES.diffOpenAi}';`,
  `+export const twilio = '${CANARIES.diffTwilio}';`,
  `+export const pypi = '${CANARIES.diffPyPi}';`,
  `+export const github = '${CANARIES.diffGitHubInstallation}';`,
  '+export const key = `',
  '+-----BEGIN PRIVATE KEY-----',
  `+${CANARIES.diffPemBody}`,
  '+-----END PRIVATE KEY-----',
  '+`;',
].join('\n');

const github = useGitHubHarness();
const messages = useFakeMessagesServer();
beforeEach(() => {
  github.harness.fake.seed.pullRequest({
    number: 9,
    title: TITLE,
    body: BODY,
    headRef: 'feature/deploy-client',
    commits: [{ sha: 'c'.repeat(40), message: `Add deploy client\n\ngitlab: ${CANARIES.commitGitLab}` }],
    files: [{ filename: 'src/deploy/config.js', status: 'added', patch: CONFIG_PATCH }],
  });
});

const isNarrative = (request: RecordedRequest) =>
  JSON.stringify(request.body.output_config ?? {}).includes('"summary"');

function emptyAnswers(request: RecordedRequest): ScriptedResponse {
  const text = isNarrative(request)
    ? {
        summary: 'Adds a deploy client.',
        designNotes: [],
        bugFix: { issue: null, rootCause: null, solution: null, prevention: null },
      }
    : { findings: [] };
  return { kind: 'message', text: JSON.stringify(text) };
}

describe('what the model is sent', () => {
  it('never holds a secret from the title, body, commits or diff: each is a placeholder saying what it was', async () => {
    messages.server.otherwise(emptyAnswers);
    const run = await runAction({
      event: 'pull_request',
      payload: pullRequestPayload('opened', pullRequestTarget(github.harness.fake.state, 9)),
      inputs: { validate: 'none', 'anthropic-api-key': KEY },
      env: { ANTHROPIC_BASE_URL: messages.server.url },
      apiUrl: github.harness.apiUrl,
    });
    expect(run.exitCode).toBe(0);
    expect(messages.server.requests.length).toBeGreaterThanOrEqual(2);
    const sent = messages.server.requests.map((request) => request.rawBody).join('\n');
    for (const [where, secret] of Object.entries(CANARIES))
      expect(sent.includes(secret), `${where} reached the model`).toBe(false);
    expect(sent).not.toContain(KEY);
    // The model did get the pull request, readable around the holes.
    for (const placeholder of [
      '[redacted: GitHub token]',
      '[redacted: AWS access key id]',
      '[redacted: Slack token]',
      '[redacted: URL password]',
      '[redacted: private key]',
      '[redacted: secret value]',
      '[redacted: GitLab token]',
    ])
      expect(sent).toContain(placeholder);
    expect(sent).toContain('Wire the deploy client');
    expect(sent).toContain('src/deploy/config.js');
    // The diff kept its line numbers: the key's lines are blank, and the last line is still line 13.
    expect(sent).toContain('+10 | [redacted: private key]\\n+11 | \\n+12 | \\n+13 | `;');

    // Nor did any of it reach GitHub.
    const posted = JSON.stringify(github.harness.fake.requests());
    for (const [where, secret] of Object.entries(CANARIES))
      expect(posted.includes(secret), `${where} was posted`).toBe(false);
    expect(github.harness.violations()).toEqual([]);
  });
});
