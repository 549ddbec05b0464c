import { execFile, execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';

/** At most this many paths are listed: past it, a repository is vendored data more than source. */
export const MAX_LISTED_FILES = 50_000;
// Installed, built and tool folders a walk never enters (git ls-files already leaves out what .gitignore names).
const SKIPPED_FOLDERS = new Set([
  'node_modules',
  'vendor',
  '.git',
  'dist',
  'build',
  'target',
  '__pycache__',
  '.venv',
  'venv',
]);

// Tracked files plus untracked ones .gitignore does not exclude (a local run before a commit).
// A repository's own config must not run a command (fsmonitor hooks) when we only list files.
const LS_FILES = [
  '-c',
  'core.fsmonitor=false',
  'ls-files',
  '-z',
  '--cached',
  '--others',
  '--exclude-standard',
];
const LS_FILES_OPTIONS = { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, timeout: 60_000 } as const;

function pathsOf(output: string): string[] {
  return [...new Set(output.split('\0').filter((entry) => entry !== ''))].slice(0, MAX_LISTED_FILES);
}

function listWithGit(root: string): string[] | undefined {
  try {
    return pathsOf(
      execFileSync('git', LS_FILES, { ...LS_FILES_OPTIONS, cwd: root, stdio: ['ignore', 'pipe', 'ignore'] }),
    );
  } catch {
    // Not a git repository, git missing, or a checkout git refuses (another owner): walk instead.
    return undefined;
  }
}

function listWithGitInBackground(root: string): Promise<string[] | undefined> {
  return new Promise((resolve) => {
    const child = execFile('git', LS_FILES, { ...LS_FILES_OPTIONS, cwd: root }, (error, stdout) =>
      resolve(error ? undefined : pathsOf(stdout)),
    );
    child.stdin?.end();
  });
}

function listByWalking(root: string): string[] {
  const found: string[] = [];
  const folders = [''];
  while (folders.length > 0 && found.length < MAX_LISTED_FILES) {
    const folder = folders.shift() ?? '';
    let entries;
    try {
      entries = readdirSync(path.join(root, folder), { withFileTypes: true });
    } catch {
      continue;
    }
    for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
      const relative = folder === '' ? entry.name : `${folder}/${entry.name}`;
      // Symbolic links are not followed: they can lead out of the checkout or round in a loop.
      if (entry.isDirectory() && !SKIPPED_FOLDERS.has(entry.name)) folders.push(relative);
      else if (entry.isFile() && found.length < MAX_LISTED_FILES) found.push(relative);
    }
  }
  return found;
}

/**
 * Lists the files of the checkout at `root` as paths relative to it, once, on first call:
 * `git ls-files` when `root` is in a git work tree (it honours .gitignore and is fast),
 * else a breadth-first walk that skips dependency and build folders. At most
 * {@link MAX_LISTED_FILES} paths.
 */
export function listCheckoutFiles(root: string): () => string[] {
  let listed: string[] | undefined;
  return () => (listed ??= listWithGit(root) ?? listByWalking(root));
}

/**
 * The same listing, with git run in the background while other work goes on (discovery):
 * resolves to the lister once git is done; never rejects (without git, the lister walks).
 */
export async function listCheckoutFilesInBackground(root: string): Promise<() => string[]> {
  const fromGit = await listWithGitInBackground(root);
  let walked: string[] | undefined;
  return () => fromGit ?? (walked ??= listByWalking(root));
}
