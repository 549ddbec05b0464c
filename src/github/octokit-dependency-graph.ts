import type {
  AdvisoryPatch,
  ComparedDependency,
  DependencyComparison,
  DependencyGraph,
} from '../handoffs/dependency-review/dependency-graph.js';
import type { GitHubClient } from './create-octokit.js';
import { describeGitHubFailure, isRateLimited, statusOf } from './describe-github-failure.js';
import type { RepoRef } from './octokit-conversation.js';

/** An item of `dependency-graph/diff-range` (`dependency-graph-diff` in GitHub's description). */
interface DiffItem {
  change_type: 'added' | 'removed';
  manifest: string;
  ecosystem: string;
  name: string;
  version: string;
  license: string | null;
  scope?: 'unknown' | 'runtime' | 'development';
  vulnerabilities: {
    severity: string;
    advisory_ghsa_id: string;
    advisory_summary: string;
    advisory_url: string;
  }[];
}

function toComparedDependency(item: DiffItem): ComparedDependency {
  return {
    change: item.change_type,
    manifest: item.manifest,
    ecosystem: item.ecosystem,
    name: item.name,
    version: item.version,
    license: item.license,
    // GitHub's own example leaves `scope` out although its schema requires it.
    scope: item.scope ?? 'unknown',
    vulnerabilities: item.vulnerabilities.map((v) => ({
      severity: v.severity,
      ghsaId: v.advisory_ghsa_id,
      summary: v.advisory_summary,
      url: v.advisory_url,
    })),
  };
}

function githubMessage(error: unknown): string {
  const data = (error as { response?: { data?: { message?: unknown } } }).response?.data;
  return typeof data?.message === 'string' ? data.message : '';
}

/** A refusal that means "not available here", not a failure: see `DependencyComparison`. */
function refusalOf(error: unknown): 403 | 404 | undefined {
  const status = statusOf(error);
  if (status === 404) return 404;
  if (status === 403 && !isRateLimited(error)) return 403;
  return undefined;
}

/** GitHub's dependency graph and advisory database, for one repository. */
export class OctokitDependencyGraph implements DependencyGraph {
  constructor(
    private readonly octokit: GitHubClient,
    private readonly repo: RepoRef,
  ) {}

  /** `GET /repos/{owner}/{repo}/dependency-graph/compare/{basehead}`, every page. */
  async compareCommits(baseSha: string, headSha: string): Promise<DependencyComparison> {
    try {
      const items = (await this.octokit.paginate(this.octokit.rest.dependencyGraph.diffRange, {
        ...this.repo,
        basehead: `${baseSha}...${headSha}`,
      })) as DiffItem[];
      return { available: true, dependencies: items.map(toComparedDependency) };
    } catch (error) {
      const refusal = refusalOf(error);
      if (refusal) return { available: false, status: refusal, message: githubMessage(error) };
      throw describeGitHubFailure('compare the dependencies of the pull request', undefined, error);
    }
  }

  /** `GET /advisories/{ghsa_id}`: the packages it names and their first patched versions. */
  async advisoryPatches(ghsaId: string): Promise<AdvisoryPatch[] | undefined> {
    try {
      const { data } = await this.octokit.rest.securityAdvisories.getGlobalAdvisory({ ghsa_id: ghsaId });
      return (data.vulnerabilities ?? []).flatMap((v) =>
        v.package?.name
          ? [
              {
                ecosystem: v.package.ecosystem,
                name: v.package.name,
                vulnerableRange: v.vulnerable_version_range,
                firstPatched: v.first_patched_version,
              },
            ]
          : [],
      );
    } catch (error) {
      if (refusalOf(error)) return undefined;
      throw describeGitHubFailure(`read advisory ${ghsaId}`, undefined, error);
    }
  }
}
