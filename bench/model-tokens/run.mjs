// Token use of the model layer on the fixture pull requests: runs `dist/index.js` with a key
// against a local stand-in of the Messages API (which counts 4 characters a token and reports
// a repeated system + shared-context prefix as cache reads, as prompt caching would), and
// prints the calls, the input and output tokens, and the characters sent, per fixture.
//
//   npm run build && node bench/model-tokens/run.mjs
import path from 'node:path';
import { importTypeScript, repositoryRoot as root } from '../import-typescript.mjs';

const h = await importTypeScript(path.join(root, 'bench/model-tokens/harness-entry.ts'));

/** A model that always answers: an empty findings list, or a short narrative. */
function answer(request) {
  const narrative = JSON.stringify(request.body.output_config ?? {}).includes('"summary"');
  const text = narrative
    ? JSON.stringify({
        summary: 'A short summary.',
        designNotes: [],
        bugFix: { issue: null, rootCause: null, solution: null, prevention: null },
      })
    : JSON.stringify({ findings: [] });
  return { kind: 'message', text };
}

const fixtures = [
  ['auth-service', 'test/fixtures/e2e/auth-service'],
  ['injection', 'test/fixtures/e2e/injection'],
  ['orders-service (example)', 'examples/orders-service'],
  ['two-services', 'test/fixtures/e2e/two-services'],
];
const fake = await h.startFakeGitHub();
fake.setPublicUrl(fake.url);
const model = await h.startFakeMessagesServer();
model.otherwise(answer);
console.log('fixture | calls | input tokens (of which cache read) | output tokens | characters sent');
try {
  for (const [name, dir] of fixtures) {
    const checkout = h.makeCheckoutFrom(path.join(root, dir));
    fake.reset();
    model.reset();
    model.otherwise(answer);
    fake.seed.pullRequest({
      number: 1,
      title: `Change in ${name}`,
      headSha: checkout.headSha,
      baseSha: checkout.baseSha,
      files: checkout.files,
    });
    const result = await h.runAction({
      event: 'pull_request',
      payload: h.pullRequestPayload('opened', h.pullRequestTarget(fake.state, 1)),
      inputs: { validate: 'none', 'anthropic-api-key': 'placeholder-key-for-the-local-stand-in' },
      env: { ANTHROPIC_BASE_URL: model.url },
      apiUrl: fake.url,
      cwd: checkout.dir,
    });
    checkout.remove();
    if (result.exitCode !== 0) throw new Error(`${name}: exit ${result.exitCode}\n${result.stdout}`);
    const report =
      fake.state.comments.find((c) => c.body.startsWith('<!-- backend-developer:report '))?.body ?? '';
    const footer =
      /Model: [^·]+· ([\d,]+) input tokens \(([\d,]+) read from cache\) · ([\d,]+) output tokens/.exec(
        report,
      );
    const sent = model.requests.reduce((n, r) => n + r.rawBody.length, 0);
    console.log(
      `${name} | ${model.requests.length} | ${footer?.[1] ?? '?'} (${footer?.[2] ?? '?'}) | ${footer?.[3] ?? '?'} | ${sent}`,
    );
  }
} finally {
  await fake.stop();
  await model.close();
}
