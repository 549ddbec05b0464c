import { compareVersions } from '../../changes/compare-versions.js';
import type { AdvisoryPatch } from './dependency-graph.js';

/** `^4.17.20`, `~> 2.7`, `>= 1.0` → the version itself, so it orders against a bound. */
function bareVersion(written: string): string {
  return written.trim().replace(/^(?:[~^=<>!]+\s*|v(?=\d))+/, '');
}

/**
 * Whether `version` lies in one of GitHub's advisory ranges (`< 4.17.21`, `>= 2.0.0, < 2.3.1`);
 * undefined when a bound cannot be ordered against it.
 */
export function rangeIncludes(range: string, version: string): boolean | undefined {
  const used = bareVersion(version);
  for (const clause of range.split(',')) {
    const match = /^\s*(<=|>=|<|>|=)?\s*(\S+)\s*$/.exec(clause);
    if (!match?.[2]) return undefined;
    const order = compareVersions(used, bareVersion(match[2]));
    if (order === undefined) return undefined;
    const holds = { '<': order < 0, '<=': order <= 0, '>': order > 0, '>=': order >= 0, '=': order === 0 }[
      (match[1] ?? '=') as '<' | '<=' | '>' | '>=' | '='
    ];
    if (!holds) return false;
  }
  return true;
}

/** Package names compare case-insensitively; PyPI also treats `-`, `_` and `.` alike. */
function samePackage(a: string, b: string): boolean {
  const normal = (name: string) => name.toLowerCase().replace(/[-_.]+/g, '-');
  return normal(a) === normal(b);
}

/**
 * The version that fixes an advisory for the version in use: the patched version of the range
 * that contains it (an advisory often names one range per release line), else the lowest patched
 * version above it. The advisory database and the dependency graph do not spell every ecosystem
 * alike (`go` and `gomod`, `rust` and `cargo`), so the package name decides.
 */
export function chooseFixedVersion(
  patches: readonly AdvisoryPatch[],
  dependency: { name: string; version: string },
): string | undefined {
  const named = patches.filter(
    (patch): patch is AdvisoryPatch & { firstPatched: string } =>
      samePackage(patch.name, dependency.name) && !!patch.firstPatched,
  );
  const containing = named.filter(
    (patch) => patch.vulnerableRange !== null && rangeIncludes(patch.vulnerableRange, dependency.version),
  );
  const pool =
    containing.length > 0
      ? containing
      : named.filter(
          (patch) => (compareVersions(bareVersion(dependency.version), patch.firstPatched) ?? 0) < 0,
        );
  const versions = pool.map((patch) => patch.firstPatched);
  return versions.sort((a, b) => compareVersions(a, b) ?? 0)[0];
}
