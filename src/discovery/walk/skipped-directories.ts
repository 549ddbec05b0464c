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
 * Whether to leave out the directory `name` inside `parent` (repository-relative),
 * given the names of its siblings. Hidden directories are skipped, except the root's
 * `.github/workflows`, whose steps name commands (actions kept beside it are tooling,
 * not the repository's projects).
 */
export function isSkippedDirectory(name: string, parent: string, siblings: ReadonlySet<string>): boolean {
  if (parent === '.github') return name !== 'workflows';
  if (SKIPPED_NAMES.has(name)) return true;
  if (name.startsWith('.')) return !(parent === '.' && name === '.github');
  // Mix keeps fetched dependencies in `deps/` next to mix.exs.
  if (name === 'deps' && siblings.has('mix.exs')) return true;
  return false;
}

/** Whether a directory's entries show it is a Python virtual environment or a conda environment. */
export function isEnvironmentDirectory(entryNames: ReadonlySet<string>): boolean {
  return entryNames.has('pyvenv.cfg') || entryNames.has('conda-meta');
}

/** Directory names that hold a project's own sources or tests. */
const MARKER_NAMES = new Set(['src', 'lib', 'app', 'test', 'tests', '__tests__', 'spec']);

/**
 * Whether the walk records the directory `name` inside `parent`: source and test folders
 * (`src`, `tests`, `spec`…); inside `src`, Gradle and Kotlin source sets of tests (`src/test`,
 * `src/commonTest`, `src/jvmTest`, `src/testDemo`); and the `kotlin`/`java` folders of source sets. Discovery reads no source files; these
 * names are what tells a library with its own tests from a configuration package.
 */
export function isMarkerDirectory(name: string, parent: string): boolean {
  if (MARKER_NAMES.has(name)) return true;
  const parentName = parent.slice(parent.lastIndexOf('/') + 1);
  if (parentName === 'src') return /^[a-z]+Test$/.test(name) || /^test[A-Z]\w*$/.test(name);
  // `src/main/kotlin`, `src/commonMain/kotlin`: which JVM language a Gradle or Maven module is written in.
  return (name === 'kotlin' || name === 'java') && /(^|\/)src\/[A-Za-z]+$/.test(parent);
}
