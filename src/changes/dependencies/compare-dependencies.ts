import type { DependencyChange } from '../change-analysis.js';
import { compareVersions, isMajorChange } from '../compare-versions.js';
import type { DeclaredDependency } from './manifest-reader.js';

type Change = Omit<DependencyChange, 'project' | 'manifest'>;

function highest(versions: (string | null)[]): string | null {
  let best: string | null = null;
  for (const version of versions) {
    if (best === null || (version !== null && (compareVersions(best, version) ?? 0) < 0)) best = version;
  }
  return best;
}

function group(
  dependencies: DeclaredDependency[],
  identity: (name: string) => string,
): Map<string, DeclaredDependency[]> {
  const groups = new Map<string, DeclaredDependency[]>();
  for (const dependency of dependencies) {
    const key = identity(dependency.name);
    groups.set(key, [...(groups.get(key) ?? []), dependency]);
  }
  return groups;
}

function withScope(change: Change, scope: string | undefined): Change {
  return scope === undefined ? change : { ...change, scope };
}

function compareGroup(before: DeclaredDependency[], after: DeclaredDependency[]): Change | undefined {
  const oldVersions = before.map((dependency) => dependency.version);
  const newVersions = after.map((dependency) => dependency.version);
  const name = (after[0] ?? before[0])?.name ?? '';
  const scope = (after[0] ?? before[0])?.scope;
  if (after.length === 0)
    return withScope({ name, from: highest(oldVersions), to: null, change: 'removed', major: false }, scope);
  if (before.length === 0)
    return withScope({ name, from: null, to: highest(newVersions), change: 'added', major: false }, scope);
  const gone = oldVersions.filter((version) => !newVersions.includes(version));
  const arrived = newVersions.filter((version) => !oldVersions.includes(version));
  if (gone.length === 0 && arrived.length === 0) return undefined;
  const from = highest(gone.length > 0 ? gone : oldVersions);
  const to = highest(arrived.length > 0 ? arrived : newVersions);
  if (from === to) return undefined;
  const order = from !== null && to !== null ? compareVersions(from, to) : undefined;
  const change = order === undefined || order === 0 ? 'changed' : order < 0 ? 'upgraded' : 'downgraded';
  return withScope(
    { name, from, to, change, major: from !== null && to !== null && isMajorChange(from, to) },
    scope,
  );
}

/** What changed between the dependencies of a manifest's two sides: added, removed, or moved to another version. */
export function compareDependencies(
  before: DeclaredDependency[],
  after: DeclaredDependency[],
  identity: (name: string) => string = (name) => name,
): Change[] {
  const oldGroups = group(before, identity);
  const newGroups = group(after, identity);
  const changes: Change[] = [];
  for (const key of new Set([...oldGroups.keys(), ...newGroups.keys()])) {
    const change = compareGroup(oldGroups.get(key) ?? [], newGroups.get(key) ?? []);
    if (change) changes.push(change);
  }
  return changes;
}
