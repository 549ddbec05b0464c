import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createOctokit } from '../../src/github/create-octokit.js';
import { GitHubCallError } from '../../src/github/gateway.js';
import { OctokitDependencyGraph } from '../../src/github/octokit-dependency-graph.js';
import { DEFAULT_OWNER, DEFAULT_REPO, startGitHubHarness, type GitHubHarness } from '../harness/index.js';

// The real Octokit client, configured as the action configures it, against the fake GitHub behind Prism.
let harness: GitHubHarness;
let graph: OctokitDependencyGraph;
const BASE = 'a'.repeat(40);
const HEAD = 'b'.repeat(40);

beforeAll(async () => {
  harness = await startGitHubHarness();
  const octokit = createOctokit({
    token: 'ghs_test',
    baseUrl: harness.apiUrl,
    log: { info: () => undefined, debug: () => undefined },
  });
  graph = new OctokitDependencyGraph(octokit, { owner: DEFAULT_OWNER, repo: DEFAULT_REPO });
});
afterAll(async () => harness?.stop());
beforeEach(() => {
  harness.fake.reset();
  harness.clearViolations();
});

describe('OctokitDependencyGraph.compareCommits', () => {
  it("reads GitHub's comparison of base...head into the review's shape", async () => {
    harness.fake.seed.dependencyDiff({ baseSha: BASE, headSha: HEAD }, [
      {
        changeType: 'added',
        manifest: 'requirements.txt',
        ecosystem: 'pip',
        name: 'PyYAML',
        version: '5.3.1',
        license: null,
        scope: 'development',
        vulnerabilities: [
          {
            severity: 'critical',
            ghsaId: 'GHSA-8q59-q68h-6hv4',
            summary: 'Improper Input Validation in PyYAML',
          },
        ],
      },
    ]);
    expect(await graph.compareCommits(BASE, HEAD)).toEqual({
      available: true,
      dependencies: [
        {
          change: 'added',
          manifest: 'requirements.txt',
          ecosystem: 'pip',
          name: 'PyYAML',
          version: '5.3.1',
          license: null,
          scope: 'development',
          vulnerabilities: [
            {
              severity: 'critical',
              ghsaId: 'GHSA-8q59-q68h-6hv4',
              summary: 'Improper Input Validation in PyYAML',
              url: 'https://github.com/advisories/GHSA-8q59-q68h-6hv4',
            },
          ],
        },
      ],
    });
    expect(harness.fake.requests('dependency-graph/diff-range').map((r) => r.path)).toEqual([
      `/repos/${DEFAULT_OWNER}/${DEFAULT_REPO}/dependency-graph/compare/${BASE}...${HEAD}`,
    ]);
    expect(harness.violations()).toEqual([]);
  });

  it("takes GitHub's 403 and 404 as answers, with GitHub's words", async () => {
    harness.fake.fail('dependency-graph/diff-range', { status: 403 });
    harness.fake.fail('dependency-graph/diff-range', { status: 404 });
    expect(await graph.compareCommits(BASE, HEAD)).toEqual({
      available: false,
      status: 403,
      message: 'Resource not accessible by integration',
    });
    expect(await graph.compareCommits(BASE, HEAD)).toEqual({
      available: false,
      status: 404,
      message: 'Not Found',
    });
    expect(harness.violations()).toEqual([]);
  });

  it('throws a GitHubCallError for a rate limit, which is no answer about the dependency graph', async () => {
    const reset = String(Math.floor(Date.now() / 1000));
    harness.fake.fail('dependency-graph/diff-range', {
      status: 403,
      times: 'always',
      body: {
        message: 'API rate limit exceeded for installation.',
        documentation_url: 'https://docs.github.com/rest',
      },
      headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': reset },
    });
    await expect(graph.compareCommits(BASE, HEAD)).rejects.toThrow(GitHubCallError);
  });
});

describe('OctokitDependencyGraph.advisoryPatches', () => {
  it('lists the package ranges an advisory names with their first patched versions', async () => {
    harness.fake.seed.advisory({
      ghsaId: 'GHSA-35jh-r3h4-6jhm',
      summary: 'Command Injection in lodash',
      severity: 'high',
      patches: [{ ecosystem: 'npm', name: 'lodash', vulnerableRange: '< 4.17.21', firstPatched: '4.17.21' }],
    });
    expect(await graph.advisoryPatches('GHSA-35jh-r3h4-6jhm')).toEqual([
      { ecosystem: 'npm', name: 'lodash', vulnerableRange: '< 4.17.21', firstPatched: '4.17.21' },
    ]);
    expect(await graph.advisoryPatches('GHSA-xxxx-xxxx-xxxx')).toBeUndefined();
    expect(harness.violations()).toEqual([]);
  });
});
