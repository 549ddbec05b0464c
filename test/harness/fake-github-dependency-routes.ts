import { githubExample, type JsonObject } from './github-examples.js';
import { notFound, type RouteContext, type RouteHandler, type RouteResult } from './fake-github-route.js';
import type { SeededAdvisory, SeededDependencyChange } from './fake-github-state.js';

/** Package-URL types of the dependency graph's ecosystems that differ from the ecosystem's name. */
const PURL_TYPES: Record<string, string> = {
  pip: 'pypi',
  rubygems: 'gem',
  gomod: 'golang',
  actions: 'githubactions',
};

/** One item of `dependency-graph-diff`, in the shape GitHub's description requires. */
function diffItem(change: SeededDependencyChange): JsonObject {
  const purlType = PURL_TYPES[change.ecosystem] ?? change.ecosystem;
  return {
    change_type: change.changeType,
    manifest: change.manifest,
    ecosystem: change.ecosystem,
    name: change.name,
    version: change.version,
    package_url: `pkg:${purlType}/${change.name.replace(/^@/, '%40')}@${change.version}`,
    license: change.license ?? null,
    source_repository_url: null,
    // GitHub's own example leaves `scope` out, although its schema requires it.
    scope: change.scope ?? 'runtime',
    vulnerabilities: (change.vulnerabilities ?? []).map((v) => ({
      severity: v.severity,
      advisory_ghsa_id: v.ghsaId,
      advisory_summary: v.summary,
      advisory_url: `https://github.com/advisories/${v.ghsaId}`,
    })),
  };
}

/**
 * `GET /repos/{owner}/{repo}/dependency-graph/compare/{basehead}`: what was seeded for
 * `base...head`, or no change at all (a repository whose dependency graph is on). A basehead
 * without `...` is GitHub's 404. GitHub's refusals (403, 404) are injected with `fail()`.
 */
function diffRange(context: RouteContext): RouteResult {
  const basehead = decodeURIComponent(context.params.basehead ?? '');
  if (!/^[^.]+\.\.\.[^.]+$/.test(basehead)) return notFound(context);
  const changes = context.state.dependencyDiffs.get(basehead) ?? [];
  return { status: 200, body: changes.map(diffItem) };
}

/** `GET /advisories/{ghsa_id}` from GitHub's example advisory, with the seeded id, summary and ranges. */
function globalAdvisory(context: RouteContext): RouteResult {
  const advisory: SeededAdvisory | undefined = context.state.advisories.get(context.params.ghsa_id ?? '');
  if (!advisory) return notFound(context);
  const example = githubExample('global-advisory');
  const [vulnerabilityExample = {}] = (example.vulnerabilities as JsonObject[] | undefined) ?? [];
  return {
    status: 200,
    body: {
      ...example,
      ghsa_id: advisory.ghsaId,
      url: `https://api.github.com/advisories/${advisory.ghsaId}`,
      html_url: `https://github.com/advisories/${advisory.ghsaId}`,
      identifiers: [{ type: 'GHSA', value: advisory.ghsaId }],
      summary: advisory.summary,
      // The advisory database says `medium` where the dependency graph says `moderate`.
      severity: advisory.severity === 'moderate' ? 'medium' : advisory.severity,
      vulnerabilities: advisory.patches.map((patch) => ({
        ...vulnerabilityExample,
        package: { ecosystem: patch.ecosystem, name: patch.name },
        vulnerable_version_range: patch.vulnerableRange,
        first_patched_version: patch.firstPatched,
        vulnerable_functions: [],
      })),
    },
  };
}

/** Handlers for the dependency review: the dependency-graph comparison and the advisory database. */
export const dependencyRoutes: Record<string, RouteHandler> = {
  'dependency-graph/diff-range': diffRange,
  'security-advisories/get-global-advisory': globalAdvisory,
};
