import { joinRelative, type RepositoryIndex } from '../../repository-index.js';
import { LOCKFILE_NAMES, type NodePackageManager } from './read-node-lockfile.js';

export interface NodePackageManagerChoice {
  manager: NodePackageManager;
  /** Where the choice came from: `package.json packageManager`, a lockfile, or nothing (npm by default). */
  source: string | null;
}

/** When several lockfiles sit side by side and nothing else decides, the first of these wins: npm's lockfile is the one most often left behind by accident. */
const LOCKFILE_PRECEDENCE: readonly NodePackageManager[] = ['pnpm', 'yarn', 'bun', 'npm'];

/**
 * The project's package manager: the `packageManager` field first (Corepack uses it),
 * then its lockfile. Two lockfiles side by side give a warning naming both.
 */
export function chooseNodePackageManager(
  index: RepositoryIndex,
  dir: string,
  packageManagerField: string | undefined,
): NodePackageManagerChoice {
  const manifest = joinRelative(dir, 'package.json');
  const declared = packageManagerField?.split('@')[0];
  const lockfiles = LOCKFILE_PRECEDENCE.flatMap((manager) =>
    LOCKFILE_NAMES[manager]
      .map((name) => joinRelative(dir, name))
      .filter((file) => index.has(file))
      .map((file) => ({ manager, file })),
  );
  const fromField = LOCKFILE_PRECEDENCE.find((manager) => manager === declared);
  const managers = new Set(lockfiles.map((lockfile) => lockfile.manager));
  if (managers.size > 1) {
    const used = fromField ?? lockfiles[0]?.manager;
    const reason = fromField ? 'the packageManager field names it' : 'no packageManager field decides';
    const names = lockfiles.map((lockfile) => lockfile.file.slice(lockfile.file.lastIndexOf('/') + 1));
    index.warn(
      manifest,
      `lockfiles of several package managers are committed (${names.join(', ')}); using ${used} because ${reason}`,
    );
  }
  if (fromField) return { manager: fromField, source: `${manifest} packageManager` };
  const first = lockfiles[0];
  return first ? { manager: first.manager, source: first.file } : { manager: 'npm', source: null };
}
