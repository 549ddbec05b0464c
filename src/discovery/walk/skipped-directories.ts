/**
 * Directories never worth entering: dependencies installed or vendored by a package
 * manager, build outputs, caches and tool state. A manifest inside one is somebody
 * else's project, and such trees hold most of a checkout's files.
 */
const SKIPPED_NAMES = new Set([
  'node_modules',
  'bower_components',
  'jspm_packages',
  'vendor',
  'dist',
  'build',
  'target',
  'bin',
  'obj',
  '_build',
  'venv',
  'virtualenv',
  '__pycache__',
  'site-packages',
  'coverage',
  'Pods',
]);

/**
 * Whether to leave out the directory `name`, given the names of its siblings and
 * whether its parent is the repository root. Hidden directories are skipped, except
 * `.github` at the root, which holds the workflows that name commands.
 */
export function isSkippedDirectory(
  name: string,
  parentIsRoot: boolean,
  siblings: ReadonlySet<string>,
): boolean {
  if (SKIPPED_NAMES.has(name)) return true;
  if (name.startsWith('.')) return !(parentIsRoot && name === '.github');
  // Mix keeps fetched dependencies in `deps/` next to mix.exs.
  if (name === 'deps' && siblings.has('mix.exs')) return true;
  return false;
}

/** Whether a directory's entries show it is a Python virtual environment or a conda environment. */
export function isEnvironmentDirectory(entryNames: ReadonlySet<string>): boolean {
  return entryNames.has('pyvenv.cfg') || entryNames.has('conda-meta');
}
