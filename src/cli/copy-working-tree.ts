import type { Dirent } from 'node:fs';
import { constants } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readdir, readlink, rm, symlink } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

/**
 * Installed dependencies, reused through a link so `install: auto` sees them as the checkout
 * does and nothing is installed again; no command installs into them (an install runs only
 * when they are absent).
 */
const LINKED = new Set(['node_modules', '.venv', 'venv', 'vendor', 'deps']);
/** Git's own data, caches and build output: left out, the commands rebuild what they need. */
const LEFT_OUT = new Set([
  '.git',
  'target',
  '_build',
  '.gradle',
  '__pycache__',
  '.pytest_cache',
  '.mypy_cache',
  '.ruff_cache',
  '.tox',
  '.nox',
  '.nyc_output',
  '.turbo',
  '.next',
]);

export interface WorkingTreeCopy {
  dir: string;
  release(): Promise<void>;
}

/**
 * Copies a checkout as it is on disk (uncommitted edits and ignored files such as a local
 * `.env` included) into a temporary directory, so install, test and lint commands can write
 * lockfiles, `*.egg-info`, caches and reports without touching the user's checkout.
 */
export async function copyWorkingTree(root: string): Promise<WorkingTreeCopy> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'backend-developer-run-'));
  const release = () => rm(dir, { recursive: true, force: true });
  try {
    await copyDirectory(root, dir);
  } catch (error) {
    await release();
    throw error;
  }
  return { dir, release };
}

async function copyDirectory(from: string, to: string): Promise<void> {
  const entries = await readdir(from, { withFileTypes: true });
  await mkdir(to, { recursive: true });
  for (const entry of entries) await copyEntry(entry, from, to);
}

async function copyEntry(entry: Dirent, from: string, to: string): Promise<void> {
  const source = path.join(from, entry.name);
  const target = path.join(to, entry.name);
  if (entry.isDirectory()) {
    if (LEFT_OUT.has(entry.name)) return;
    if (LINKED.has(entry.name)) await symlink(source, target, 'dir');
    else await copyDirectory(source, target);
  } else if (entry.isSymbolicLink()) {
    await symlink(await readlink(source), target);
  } else if (entry.isFile()) {
    await copyFile(source, target, constants.COPYFILE_FICLONE);
  }
}
