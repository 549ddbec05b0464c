/**
 * Folders whose manifests are not the repository's projects: test fixtures, examples and
 * samples, documentation. A Composer fixture under `tests/Plugin/Fixtures/` or a mkdocs
 * `requirements.txt` under `docs/` would otherwise become a project with commands to run.
 */
const NOISE_NAMES = new Set([
  'fixtures',
  'fixture',
  '__fixtures__',
  'testdata',
  'examples',
  'example',
  'samples',
  'sample',
  'docs',
  'doc',
  'documentation',
]);

/**
 * Whether the walk leaves out the directory `name` at repository-relative `dir`: a noise
 * folder, unless the config's `projects:` lists a path in or below it.
 */
export function createNoiseFilter(listed: readonly string[]): (name: string, dir: string) => boolean {
  return (name, dir) =>
    NOISE_NAMES.has(name.toLowerCase()) && !listed.some((path) => path === dir || path.startsWith(`${dir}/`));
}
