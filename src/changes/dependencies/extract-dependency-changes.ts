import type { DependencyChange } from '../change-analysis.js';
import type { FileChange } from '../../code/file-change.js';
import { compareDependencies } from './compare-dependencies.js';
import { MANIFEST_READERS } from './manifest-readers.js';
import type { ManifestReader } from './manifest-reader.js';

function folderOf(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash === -1 ? '.' : path.slice(0, slash);
}

/**
 * Dependency changes from the manifests and lockfiles in a PR. A lockfile is read only
 * when no manifest of its ecosystem in the same folder changed: the manifest says what
 * the author asked for, the lockfile then adds every transitive move.
 */
export function extractDependencyChanges(changes: FileChange[]): DependencyChange[] {
  const matched: { change: FileChange; reader: ManifestReader }[] = [];
  for (const change of changes) {
    const reader = MANIFEST_READERS.find((candidate) => candidate.matches.test(change.file.path));
    if (reader) matched.push({ change, reader });
  }
  const manifestFolders = new Set(
    matched
      .filter(({ reader }) => !reader.lockfile)
      .map(({ change, reader }) => `${reader.ecosystem} ${folderOf(change.file.path)}`),
  );
  const found: DependencyChange[] = [];
  for (const { change, reader } of matched) {
    if (reader.lockfile && manifestFolders.has(`${reader.ecosystem} ${folderOf(change.file.path)}`)) continue;
    const before = reader.read(change.oldSide());
    const after = reader.read(change.newSide());
    for (const dependency of compareDependencies(before, after, reader.identity)) {
      found.push({ project: change.project, manifest: change.file.path, ...dependency });
    }
  }
  return found;
}
