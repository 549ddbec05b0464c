import { execFileSync } from 'node:child_process';
import { cp, mkdtemp } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Project, ProjectCommand } from '../../src/discovery/project.js';
import type { ValidationLog } from '../../src/validation/validate-projects.js';

export const FIXTURES = fileURLToPath(new URL('../fixtures/validation/', import.meta.url));
export const REPOSITORY_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Copy fixture projects into a fresh temporary root, so runs never write into the repository. */
export async function copyFixtures(...names: string[]): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'bda-validation-'));
  for (const name of names) await cp(join(FIXTURES, 'projects', name), join(root, name), { recursive: true });
  return root;
}

export async function emptyRoot(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'bda-validation-'));
}

type Commands = Partial<Record<'install' | 'test' | 'lint', string | ProjectCommand>>;

/** A project as discovery would describe it, with hand-written commands. */
export function makeProject(path: string, commands: Commands, overrides: Partial<Project> = {}): Project {
  const asCommand = (value: string | ProjectCommand | undefined): ProjectCommand | undefined =>
    typeof value === 'string' ? { run: value, source: 'test' } : value;
  const built: Project['commands'] = {};
  for (const kind of ['install', 'test', 'lint'] as const) {
    const command = asCommand(commands[kind]);
    if (command) built[kind] = command;
  }
  return {
    path,
    language: 'javascript',
    languageVersion: null,
    packageManager: null,
    frameworks: [],
    databases: [],
    orms: [],
    testFrameworks: [],
    linters: [],
    commands: built,
    dockerfiles: [],
    dependencies: [],
    ...overrides,
  };
}

export interface RecordedLog extends ValidationLog {
  events: ({ type: 'start'; title: string } | { type: 'write'; text: string } | { type: 'end' })[];
  text(): string;
}

/** A log that remembers every call, in order. */
export function recordingLog(): RecordedLog {
  const events: RecordedLog['events'] = [];
  return {
    events,
    startGroup: (title) => events.push({ type: 'start', title }),
    write: (text) => events.push({ type: 'write', text }),
    endGroup: () => events.push({ type: 'end' }),
    text: () =>
      events
        .map((event) =>
          event.type === 'start' ? `## ${event.title}\n` : event.type === 'write' ? event.text : '',
        )
        .join(''),
  };
}

/** True when a tool answers `--version` (used to skip a runner's tests where it is not installed). */
export function hasTool(command: string, args: string[] = ['--version']): boolean {
  try {
    execFileSync(command, args, { stdio: 'ignore', timeout: 20_000 });
    return true;
  } catch {
    return false;
  }
}

/** Whether a process exists and is not a zombie waiting to be reaped (containers may lack a reaping init). */
export function isProcessAlive(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return false;
  }
}

/** A captured tool output under test/fixtures/validation/outputs/. */
export function readOutput(name: string): string {
  return readFileSync(join(FIXTURES, 'outputs', name), 'utf8');
}
