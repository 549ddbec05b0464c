import { describe, expect, it } from 'vitest';
import { inputEnvironment, inputVariable } from '../harness/action-inputs.js';
import { commentableLines } from '../harness/diff-lines.js';
import { startFakeGitHub } from '../harness/fake-github.js';
import { generatedFiles } from '../harness/fake-github-seed.js';
import { extractOpenApiSubset, loadGitHubOpenApi } from '../harness/openapi-subset.js';
import { paginate } from '../harness/pagination.js';
import { parseAnnotations, parseRunnerFile } from '../harness/runner-files.js';

describe('runner files', () => {
  it('reads heredoc outputs as @actions/core writes them, and legacy name=value lines', () => {
    const text =
      'report<<ghadelimiter_1b2c\nline one\nline two\nghadelimiter_1b2c\nfindings=3\nempty<<ghadelimiter_9\n\nghadelimiter_9\n';

    expect(parseRunnerFile(text)).toEqual({ report: 'line one\nline two', findings: '3', empty: '' });
  });

  it('unescapes workflow command properties and messages', () => {
    const stdout =
      'plain log\n::warning file=a%2Cb.ts,line=3,title=x%3Ay::50%25 done%0Anext\n::debug::ignored';

    expect(parseAnnotations(stdout)).toEqual([
      {
        level: 'warning',
        message: '50% done\nnext',
        properties: { file: 'a,b.ts', line: '3', title: 'x:y' },
      },
    ]);
  });
});

describe('action inputs', () => {
  it('names input variables like the runner: uppercase, spaces to underscores, dashes kept', () => {
    expect(inputVariable('github-token')).toBe('INPUT_GITHUB-TOKEN');
    expect(inputVariable('my input')).toBe('INPUT_MY_INPUT');
  });

  it('fills defaults, evaluates github.token and lets given inputs win', () => {
    const env = inputEnvironment(
      { 'github-token': '${{ github.token }}', mode: 'auto' },
      { mode: 'report', comment: false },
      'ghs_x',
    );

    expect(env).toEqual({ 'INPUT_GITHUB-TOKEN': 'ghs_x', INPUT_MODE: 'report', INPUT_COMMENT: 'false' });
  });
});

describe('diff lines', () => {
  it('numbers added and context lines on the right, removed and context lines on the left', () => {
    const lines = commentableLines(
      '@@ -10,3 +10,3 @@ class A\n keep\n-old\n+new\n@@ -40,1 +40,2 @@\n tail\n+added',
    );
    const right = lines.filter((line) => line.side === 'RIGHT').map((line) => [line.line, line.position]);
    const left = lines.filter((line) => line.side === 'LEFT').map((line) => [line.line, line.position]);

    expect(right).toEqual([
      [10, 1],
      [11, 3],
      [40, 5],
      [41, 6],
    ]);
    expect(left).toEqual([
      [10, 1],
      [11, 2],
      [40, 5],
    ]);
  });
});

describe('pagination', () => {
  it('sends no Link header when everything fits one page', () => {
    expect(paginate([1, 2, 3], 'http://x', '/p', new URLSearchParams()).headers).toEqual({});
  });

  it('serves at most 100 per page whatever per_page asks', () => {
    const page = paginate(
      Array.from({ length: 250 }, (_, index) => index),
      'http://x',
      '/p',
      new URLSearchParams('per_page=500'),
    );

    expect(page.items).toHaveLength(100);
    expect(page.headers.link).toContain('page=3>; rel="last"');
  });

  it('stops the PR file list at 3,000 files, as GitHub does', async () => {
    const fake = await startFakeGitHub();
    try {
      fake.seed.pullRequest({ number: 1, files: generatedFiles(3005) });
      const last = await fetch(
        `${fake.url}/repos/${fake.state.owner}/${fake.state.repo}/pulls/1/files?per_page=100&page=30`,
      );
      const beyond = await fetch(
        `${fake.url}/repos/${fake.state.owner}/${fake.state.repo}/pulls/1/files?per_page=100&page=31`,
      );

      expect(((await last.json()) as unknown[]).length).toBe(100);
      expect(last.headers.get('link')).not.toContain('rel="next"');
      expect(await beyond.json()).toEqual([]);
    } finally {
      await fake.stop();
    }
  });
});

describe('OpenAPI subset', () => {
  it('keeps only the chosen operations and every component they reference', () => {
    const subset = extractOpenApiSubset(loadGitHubOpenApi(), [
      { id: 'issues/get-label', method: 'GET', path: '/repos/{owner}/{repo}/labels/{name}' },
    ]);

    expect(Object.keys(subset.paths)).toEqual(['/repos/{owner}/{repo}/labels/{name}']);
    expect(Object.keys(subset.paths['/repos/{owner}/{repo}/labels/{name}'] ?? {})).toEqual(['get']);
    expect(Object.keys(subset.components.schemas ?? {}).sort()).toEqual(['basic-error', 'label']);
  });
});
