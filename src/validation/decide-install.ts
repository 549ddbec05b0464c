import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Project } from '../discovery/project.js';

export type InstallDecision = { run: true; reason: string } | { run: false; reason: string };

interface InstalledMarker {
  /** Paths relative to the project directory; any one present means dependencies are installed. */
  paths: string[];
  describe: string;
}

const NODE_MARKER: InstalledMarker = {
  // `.pnp.cjs` is Yarn Plug'n'Play, which has no node_modules at all.
  paths: ['node_modules', '.pnp.cjs'],
  describe: 'node_modules is already present',
};

/** Which marker says "installed" for each package manager; null means always run the install. */
const MARKERS: Record<string, InstalledMarker | null> = {
  npm: NODE_MARKER,
  pnpm: NODE_MARKER,
  yarn: NODE_MARKER,
  bun: NODE_MARKER,
  // A virtual environment is only trusted with its marker file: an empty `.venv` folder is not one.
  pip: {
    paths: ['.venv/pyvenv.cfg', 'venv/pyvenv.cfg'],
    describe: 'a virtual environment (.venv or venv) is already present',
  },
  poetry: { paths: ['.venv/pyvenv.cfg'], describe: 'the .venv virtual environment is already present' },
  uv: { paths: ['.venv/pyvenv.cfg'], describe: 'the .venv virtual environment is already present' },
  pipenv: { paths: ['.venv/pyvenv.cfg'], describe: 'the .venv virtual environment is already present' },
  composer: { paths: ['vendor/autoload.php'], describe: 'vendor/ is already installed' },
  bundler: { paths: ['vendor/bundle'], describe: 'vendor/bundle is already present' },
  mix: { paths: ['deps'], describe: 'deps/ is already present' },
  // These keep a global cache and do nothing when up to date, so running them is cheap and safe.
  go: null,
  cargo: null,
  maven: null,
  gradle: null,
  dotnet: null,
};

const LANGUAGE_DEFAULT_MANAGER: Record<string, string> = {
  javascript: 'npm',
  typescript: 'npm',
  python: 'pip',
  php: 'composer',
  ruby: 'bundler',
  go: 'go',
  rust: 'cargo',
  elixir: 'mix',
};

/**
 * Decide whether `install: auto` runs a project's install command. It is
 * skipped when the workflow installed dependencies already (a cache restore or
 * an earlier step), because a second install costs minutes and can change the
 * lockfile-resolved tree the workflow meant to test.
 */
export function decideInstall(project: Project, projectDir: string, mode: 'auto' | 'skip'): InstallDecision {
  if (!project.commands.install)
    return { run: false, reason: 'no install command is known for this project' };
  if (mode === 'skip') return { run: false, reason: 'install is set to skip' };
  const manager = project.packageManager ?? LANGUAGE_DEFAULT_MANAGER[project.language] ?? null;
  const marker = manager === null ? undefined : MARKERS[manager];
  if (marker === undefined) return { run: true, reason: 'no way to tell whether dependencies are installed' };
  if (marker === null)
    return { run: true, reason: `${manager} reuses its cache, so the install is cheap when nothing changed` };
  const present = marker.paths.find((path) => existsSync(join(projectDir, path)));
  if (present !== undefined)
    return { run: false, reason: `${marker.describe} (${present}); install: auto skips it` };
  return { run: true, reason: `${marker.paths.join(' / ')} not found` };
}
