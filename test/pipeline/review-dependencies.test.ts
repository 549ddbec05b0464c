import { describe, expect, it } from 'vitest';
import type { DependencyChange } from '../../src/changes/change-analysis.js';
import { GitHubCallError } from '../../src/github/gateway.js';
import type {
  AdvisoryPatch,
  ComparedDependency,
  DependencyComparison,
  DependencyGraph,
} from '../../src/handoffs/dependency-review/dependency-graph.js';
import { reviewDependencies } from '../../src/pipeline/review-dependencies.js';

/** A dependency graph that answers from memory and records what it was asked. */
function graphAnswering(
  comparison: DependencyComparison | Error,
  patches: Record<string, AdvisoryPatch[]> = {},
): DependencyGraph & { asked: string[] } {
  const asked: string[] = [];
  return {
    asked,
    compareCommits(base, head) {
      asked.push(`compare ${base}...${head}`);
      return comparison instanceof Error ? Promise.reject(comparison) : Promise.resolve(comparison);
    },
    advisoryPatches(ghsaId) {
      asked.push(`advisory ${ghsaId}`);
      return Promise.resolve(patches[ghsaId]);
    },
  };
}

function change(overrides: Partial<DependencyChange>): DependencyChange {
  return {
    project: '.',
    manifest: 'package.json',
    name: 'lodash',
    from: '4.17.15',
    to: '4.17.20',
    change: 'upgraded',
    major: false,
    ...overrides,
  };
}

function vulnerable(ghsaIds: string[]): ComparedDependency {
  return {
    change: 'added',
    manifest: 'package.json',
    ecosystem: 'npm',
    name: 'lodash',
    version: '4.17.20',
    license: 'MIT',
    scope: 'runtime',
    vulnerabilities: ghsaIds.map((ghsaId) => ({
      severity: 'high',
      ghsaId,
      summary: 's',
      url: `https://github.com/advisories/${ghsaId}`,
    })),
  };
}

const commits = { baseSha: 'base', headSha: 'head' };

describe('reviewDependencies', () => {
  it('asks GitHub nothing when the PR adds or moves no dependency', async () => {
    const graph = graphAnswering({ available: true, dependencies: [] });
    expect(await reviewDependencies({ graph, ...commits }, [], [])).toBeUndefined();
    expect(
      await reviewDependencies({ graph, ...commits }, [change({ to: null, change: 'removed' })], []),
    ).toBeUndefined();
    expect(graph.asked).toEqual([]);
  });

  it('compares the two commits and reads each advisory once for its fixed version', async () => {
    const graph = graphAnswering(
      {
        available: true,
        dependencies: [
          vulnerable(['GHSA-1', 'GHSA-2']),
          { ...vulnerable(['GHSA-1']), manifest: 'package-lock.json' },
        ],
      },
      {
        'GHSA-1': [
          { ecosystem: 'npm', name: 'lodash', vulnerableRange: '< 4.17.21', firstPatched: '4.17.21' },
        ],
      },
    );
    const outcome = await reviewDependencies({ graph, ...commits }, [change({})], []);
    expect(graph.asked).toEqual(['compare base...head', 'advisory GHSA-1', 'advisory GHSA-2']);
    expect(outcome?.ran && outcome.review.findings.map((f) => f.recommendation)).toEqual([
      'Move lodash to 4.17.21 or later, the first version with the fix.',
      'GitHub knows no patched version of lodash for this advisory: use another package, or keep it knowing the risk.',
    ]);
  });

  it('reads at most ten advisories: each is one request', async () => {
    const ids = Array.from({ length: 14 }, (_, i) => `GHSA-${i}`);
    const graph = graphAnswering({ available: true, dependencies: [vulnerable(ids)] });
    const outcome = await reviewDependencies({ graph, ...commits }, [change({})], []);
    expect(graph.asked.filter((a) => a.startsWith('advisory'))).toHaveLength(10);
    expect(outcome?.ran && outcome.review.findings).toHaveLength(14);
  });

  it("turns GitHub's refusal into the line that says what to turn on", async () => {
    const graph = graphAnswering({ available: false, status: 404, message: 'Not Found' });
    expect(await reviewDependencies({ graph, ...commits }, [change({})], [])).toEqual({
      ran: false,
      reason:
        'Dependency review did not run: GitHub answered 404 ("Not Found"). Turn on the dependency graph (Settings → Code security → Dependency graph; on GitHub Enterprise Server a site administrator enables it first) and give the workflow\'s token `contents: read`.',
    });
  });

  it('turns a failed call into one line and lets the run go on', async () => {
    const failure = new GitHubCallError(
      'compare the dependencies of the pull request',
      'GET /repos/o/r/dependency-graph/compare/base...head',
      'GitHub did not answer it successfully after retries (HTTP 502).',
      502,
    );
    const outcome = await reviewDependencies(
      { graph: graphAnswering(failure), ...commits },
      [change({})],
      [],
    );
    expect(outcome).toEqual({
      ran: false,
      reason:
        'Dependency review did not run. Could not compare the dependencies of the pull request (`GET /repos/o/r/dependency-graph/compare/base...head`): GitHub did not answer it successfully after retries (HTTP 502). It runs again on the next push.',
    });
  });

  it('lets a programming error through instead of hiding it as a GitHub failure', async () => {
    const graph = graphAnswering(new TypeError('boom'));
    await expect(reviewDependencies({ graph, ...commits }, [change({})], [])).rejects.toThrow('boom');
  });
});
