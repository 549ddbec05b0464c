import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { pullRequestPayload, pullRequestTarget, runAction } from '../harness/index.js';
import { useCheckout, useGitHubHarness } from './use-fixtures.js';

const github = useGitHubHarness();
const repo = useCheckout('node-coverage', { branch: 'feature', headMessage: 'feat: VIP prices' });

// price.js is new (6 lines); its test never takes the VIP branch. V8's coverage, written as lcov
// by node's test runner, marks line 3 and the `}` closing that branch (line 4) as not run: 4 of 6.
const EXPECTED = 'Changed lines covered: 4/6 (66.6%)';

describe('coverage of the changed lines', () => {
  it('reports it through the command line, in the Tests section, the JSON and the Definition of Done', () => {
    const run = spawnSync(process.execPath, ['dist/cli.js', 'report', repo.checkout.dir, '--base', 'main'], {
      encoding: 'utf8',
      timeout: 180_000,
    });
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(`**${EXPECTED}**`);
    expect(run.stdout).toContain(`- \`.\`: ${EXPECTED} — \`lcov.info\``);
    expect(run.stdout).toContain('  - `price.js`: 2 uncovered (lines 3–4)');
    expect(run.stdout).toContain('- [ ] Changed lines covered ≥ 80% — 4/6 (66.6%)');
    const json = spawnSync(
      process.execPath,
      ['dist/cli.js', 'report', repo.checkout.dir, '--base', 'main', '--json'],
      {
        encoding: 'utf8',
        timeout: 180_000,
      },
    );
    const report = JSON.parse(json.stdout) as { validation: { coverage: object } };
    expect(report.validation.coverage).toEqual({ covered: 4, total: 6, percent: 66.6 });
  }, 240_000);

  it('sets the action’s `coverage` output and ticks the box against a configured threshold', async () => {
    github.harness.fake.seed.pullRequest({
      number: 8,
      title: 'VIP prices',
      headSha: repo.checkout.headSha,
      baseSha: repo.checkout.baseSha,
      files: repo.checkout.files,
    });
    github.harness.fake.seed.content('.github/backend-developer.yml', 'coverage: { threshold: 60 }\n');
    const run = await runAction({
      event: 'pull_request',
      payload: pullRequestPayload('opened', pullRequestTarget(github.harness.fake.state, 8)),
      apiUrl: github.harness.apiUrl,
      cwd: repo.checkout.dir,
    });
    expect(run.exitCode).toBe(0);
    expect(run.outputs.coverage).toBe('66.6');
    const report =
      github.harness.fake.state.comments.find((c) => c.body.startsWith('<!-- backend-developer:report '))
        ?.body ?? '';
    expect(report).toContain(EXPECTED);
    expect(report).toContain('- [x] Changed lines covered ≥ 60% — 4/6 (66.6%)');
    expect(github.harness.violations()).toEqual([]);
  }, 240_000);
});
