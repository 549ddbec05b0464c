import './load-all-grammars.js';
import { describe, expect, it } from 'vitest';
import { reviewChanges } from '../../src/handoffs/review-changes.js';
import { addedFile, modifiedFile } from './fixture-changes.js';
import { describeRuleFixtures } from './rule-fixture-cases.js';

describeRuleFixtures('devops', {}, { exact: true });

describe('devops review', () => {
  it('reads the whole Dockerfile through the context to know its build stages', () => {
    const patch = modifiedFile('Dockerfile', '@@ -5 +5 @@\n-FROM deps\n+FROM deps-prod\n USER app');
    const dockerfile =
      'FROM node:22 AS deps-prod\nRUN npm ci\nUSER node\nFROM node:22\nFROM deps-prod\nUSER app\n';
    const findings = reviewChanges('devops', [patch], { readFile: () => dockerfile });
    expect(findings).toEqual([]);
  });

  it('reports a pull request that removes the only USER line of the final stage', () => {
    const patch = modifiedFile('Dockerfile', '@@ -3 +3 @@\n COPY . .\n-USER node\n CMD ["node", "index.js"]');
    const head = 'FROM node:22-alpine\nWORKDIR /app\nCOPY . .\nCMD ["node", "index.js"]\n';
    const findings = reviewChanges('devops', [patch], { readFile: () => head });
    expect(findings).toEqual([
      expect.objectContaining({ ruleId: 'devops/container-runs-as-root', line: 4, side: 'LEFT' }),
    ]);
  });

  it('reports a newly added pull_request_target trigger when the workflow already checks out the head', () => {
    const workflow = [
      'on:',
      '  pull_request_target:',
      'jobs:',
      '  build:',
      '    steps:',
      '      - uses: actions/checkout@v4',
      '        with:',
      '          ref: ${{ github.head_ref }}',
    ].join('\n');
    const patch = modifiedFile(
      '.github/workflows/build.yml',
      '@@ -1 +1 @@\n on:\n-  pull_request:\n+  pull_request_target:\n jobs:',
    );
    const findings = reviewChanges('devops', [patch], { readFile: () => workflow });
    expect(findings.map((finding) => [finding.ruleId, finding.line])).toEqual([
      ['devops/pull-request-target-checkout', 2],
    ]);
  });

  it('names the moving reference in the explanation', () => {
    const [finding] = reviewChanges('devops', [
      addedFile('.github/workflows/ci.yml', '    - uses: some/action@main'),
    ]);
    expect(finding?.explanation).toBe(
      '`some/action` is referenced by `main`, which its owner can move to different code.',
    );
  });

  it('rates a root container in a fixture folder low', () => {
    const findings = reviewChanges('devops', [
      addedFile('test/fixtures/discovery/api/Dockerfile', 'FROM python:3.12-slim\nCMD ["python", "app.py"]'),
    ]).filter((finding) => finding.ruleId === 'devops/container-runs-as-root');
    expect(findings.map((finding) => [finding.line, finding.severity])).toEqual([[1, 'low']]);
  });
});
