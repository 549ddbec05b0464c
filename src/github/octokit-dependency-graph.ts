import type {
  ComparedDependency,
  DependencyComparison,
} from '../handoffs/dependency-review/dependency-comparison.js';
import type { GitHubClient } from './create-octokit.js';
import { statusOf } from './octokit-responses.js';

interface Repo {
  owner: string;
  repo: string;
}

/** GitHub's item of `dependency-graph/diff-range`, as the description types it. */
interface DiffItem {
  change_type: 'added' | 'removed';
  manifest: string;
  ecosystem: string;
  name: string;
  version: string;
  license: string | null;
  scope?: 'unknown' | 'runtime' | 'development';
  vulnerabilities: { severity: string; advisory_ghsa_id: string; advisory_summary: string; advisory_url: string }[];
}

function toComparedDependency(item: DiffItem): ComparedDependency {
  return {
    change: item.change_type,
    manifest: item.manifest,
    ecosystem: item.ecosystem,
    name: item.name,
    version: item.version,
    license: item.license,
    scope: item.scope ?? 'unknown',
    vulnerabilities: item.vulnerabilities.map((v) => ({
      severity: v.severity,
      ghsaId: v.advisory_ghsa_id,
      summary: v.advisory_summary,
      url: v.advisory_url,
    })),
  };
}

function messageOf(error: unknown): string {
  const data = (error as { response?: { data?: { message?: unknown } } }).response?.data;
  return typeof data?.message === 'string' ? data.message : '';
}

/**
 * `GET /repos/{owner}/{repo}/dependency-graph/compare/{base}...{head}`: 403 and 404 are answers
 * (the dependency graph is off, or the plan or token does not allow it), not failures.
 */
export async function compareDependencyGraph(
  octokit: GitHubClient,
  repo: Repo,
  baseSha: string,
  headSha: string,
): Promise<DependencyComparison> {
  try {
    const { data } = await octokit.rest.dependencyGraph.diffRange({ ...repo, basehead: `${baseSha}...${headSha}` });
    return { available: true, dependencies: (data as DiffItem[]).map(toComparedDependency) };
  } catch (error) {
    const status = statusOf(error);
    if (status === 403 || status === 404) return { available: false, status, message: messageOf(error) };
    throw error;
  }
}

/** `GET /advisories/{ghsa_id}`: the first patched version of one package, when the advisory names it. */
export async function findFirstPatchedVersion(
  octokit: GitHubClient,
  ghsaId: string,
  ecosystem: string,
  name: string,
): Promise<string | undefined> {
  try {
    const { data } = await octokit.rest.securityAdvisories.getGlobalAdvisory({ ghsa_id: ghsaId });
    const named = (data.vulnerabilities ?? []).filter((v) => v.package?.name === name);
    // The two APIs do not always spell an ecosystem alike (`gomod`, `go`): the name alone decides when they differ.
    const match =
      named.find((v) => (v.package?.ecosystem ?? '').toLowerCase() === ecosystem.toLowerCase()) ?? named[0];
    return match?.first_patched_version ?? undefined;
  } catch (error) {
    if (statusOf(error) === 404 || statusOf(error) === 403) return undefined;
    throw error;
  }
}
