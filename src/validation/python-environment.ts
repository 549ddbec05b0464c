import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Project } from '../discovery/project.js';

const run = promisify(execFile);

/** The project's own virtual environments, in the order tools create them. */
const PROJECT_VENVS = ['.venv', 'venv'];
/** Managers that keep their own environment (poetry, uv, pipenv, pdm): left to them. */
const PIP_MANAGERS = new Set(['pip', null]);

export type PythonEnvironment =
  | { kind: 'unchanged' }
  | { kind: 'venv'; env: NodeJS.ProcessEnv; venv: string; created: boolean }
  | { kind: 'error'; reason: string };

/**
 * Where a pip project's commands install and run: its own `.venv`/`venv` when it has one,
 * else, when an install is about to run, a new virtual environment in `tempDir`. A pip install
 * never reaches the system interpreter, whose packages belong to the machine, not the project.
 */
export async function preparePythonEnvironment(
  project: Project,
  projectDir: string,
  options: { env: NodeJS.ProcessEnv; tempDir: string; willInstall: boolean },
): Promise<PythonEnvironment> {
  if (project.language !== 'python' || !PIP_MANAGERS.has(project.packageManager))
    return { kind: 'unchanged' };
  const own = PROJECT_VENVS.map((name) => path.join(projectDir, name)).find((venv) =>
    existsSync(path.join(venv, 'pyvenv.cfg')),
  );
  if (own) return { kind: 'venv', env: activate(options.env, own), venv: own, created: false };
  if (!options.willInstall) return { kind: 'unchanged' };
  const venv = path.join(await mkdtemp(path.join(options.tempDir, 'backend-developer-venv-')), 'venv');
  const failures: string[] = [];
  for (const python of ['python3', 'python']) {
    try {
      // --system-site-packages: what the workflow installed (pytest, a setup step's packages) stays
      // importable, while everything this run installs goes into the new environment.
      await run(python, ['-m', 'venv', '--system-site-packages', venv], {
        env: options.env,
        timeout: 120_000,
      });
      return { kind: 'venv', env: activate(options.env, venv), venv, created: true };
    } catch (error) {
      failures.push(`${python}: ${firstLine(error)}`);
    }
  }
  return {
    kind: 'error',
    reason: `could not create a virtual environment to install into (${failures.join('; ')}); install Python with its venv module (Debian: python3-venv), or set up a .venv in the project`,
  };
}

/** What `source venv/bin/activate` does, for a child process. */
function activate(env: NodeJS.ProcessEnv, venv: string): NodeJS.ProcessEnv {
  const bin = path.join(venv, process.platform === 'win32' ? 'Scripts' : 'bin');
  const { PYTHONHOME: _home, ...rest } = env;
  return { ...rest, VIRTUAL_ENV: venv, PATH: [bin, env.PATH].filter(Boolean).join(path.delimiter) };
}

function firstLine(error: unknown): string {
  const text =
    error instanceof Error ? (error as Error & { stderr?: string }).stderr || error.message : String(error);
  return text.trim().split('\n')[0] ?? '';
}
