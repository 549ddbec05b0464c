import { type ChildProcess, spawn } from 'node:child_process';
import { OutputTailBuffer } from './output-tail-buffer.js';

export interface ShellCommandOptions {
  cwd: string;
  env: NodeJS.ProcessEnv;
  timeoutMs: number;
  /** How long the process group gets to exit after SIGTERM before SIGKILL. */
  killGraceMs: number;
  /** Bytes of output kept (the last ones). */
  outputLimitBytes?: number;
  /** Called with each chunk of output as it arrives, for live progress. */
  onOutput?: (chunk: Buffer, stream: 'stdout' | 'stderr') => void;
}

export interface ShellCommandRun {
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  timedOut: boolean;
  /** Set when the command could not be started at all (missing directory, no shell). */
  spawnError?: string;
  /** stdout and stderr interleaved as they arrived; not yet redacted. */
  output: string;
  outputTruncated: boolean;
  startedAt: number;
  durationMs: number;
}

/** Process groups of the commands running now, for `stopRunningCommands`. */
const runningGroups = new Set<number>();

/** Kills every command still running (when the user interrupts the command line). */
export function stopRunningCommands(): void {
  for (const pid of runningGroups) signalGroup(pid, 'SIGKILL');
}

/** How long to wait for the pipes to close after the shell exits before the leftovers are killed. */
const PIPE_DRAIN_MS = 2_000;

/**
 * Run one command line with `sh -c` in its own process group, and kill the
 * whole group on timeout: test runners fork workers, and killing only the shell
 * would leave them running (and holding the pipes open) after we gave up.
 *
 * The command line comes from the repository's manifests or the base branch's
 * config file, never from pull-request text or comments: running it through a
 * shell is what the repository's own CI does with it.
 */
export function runShellCommand(command: string, options: ShellCommandOptions): Promise<ShellCommandRun> {
  const startedAt = Date.now();
  const output = new OutputTailBuffer(options.outputLimitBytes);
  const child = spawn('sh', ['-c', command], {
    cwd: options.cwd,
    env: options.env,
    // detached: the child becomes the leader of a new process group (setsid),
    // so `kill(-pid)` reaches every process it started.
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const receive =
    (stream: 'stdout' | 'stderr') =>
    (chunk: Buffer): void => {
      output.write(chunk);
      options.onOutput?.(chunk, stream);
    };
  child.stdout?.on('data', receive('stdout'));
  child.stderr?.on('data', receive('stderr'));
  const group = child.pid;
  if (group !== undefined) runningGroups.add(group);
  return new Promise((resolve) => {
    superviseChild(child, options, (ending) => {
      if (group !== undefined) runningGroups.delete(group);
      resolve({
        exitCode: ending.exit?.code ?? null,
        signal: ending.exit?.signal ?? null,
        timedOut: ending.timedOut,
        ...(ending.spawnError ? { spawnError: ending.spawnError } : {}),
        output: output.toString(),
        outputTruncated: output.truncated,
        startedAt,
        durationMs: Date.now() - startedAt,
      });
    });
  });
}

interface ChildEnding {
  exit: { code: number | null; signal: NodeJS.Signals | null } | null;
  timedOut: boolean;
  spawnError?: string;
}

/**
 * Watch a child until it is done: its pipes closed after it exited, or the
 * timeout's TERM-then-KILL ran its course. Calls `done` exactly once, after
 * killing whatever the command left running in its group.
 */
function superviseChild(
  child: ChildProcess,
  options: ShellCommandOptions,
  done: (ending: ChildEnding) => void,
): void {
  const ending: ChildEnding = { exit: null, timedOut: false };
  const timers: NodeJS.Timeout[] = [];
  let settled = false;
  const finish = (spawnError?: string): void => {
    if (settled) return;
    settled = true;
    timers.forEach(clearTimeout);
    // Whatever the command left behind in its group (a server a test forgot) goes too.
    signalGroup(child.pid, 'SIGKILL');
    child.stdout?.destroy();
    child.stderr?.destroy();
    done(spawnError ? { ...ending, spawnError } : ending);
  };
  child.on('error', (error) => finish(error.message));
  child.on('exit', (code, signal) => {
    ending.exit = { code, signal };
    // A background grandchild may keep the pipes open forever; do not wait for it.
    timers.push(setTimeout(() => finish(), PIPE_DRAIN_MS));
  });
  child.on('close', () => finish());
  const timeout = setTimeout(() => {
    ending.timedOut = true;
    signalGroup(child.pid, 'SIGTERM');
    timers.push(setTimeout(() => finish(), options.killGraceMs));
  }, options.timeoutMs);
  timers.push(timeout);
}

/** Signal a whole process group; a group that is already gone is fine. */
function signalGroup(pid: number | undefined, signal: NodeJS.Signals): void {
  if (pid === undefined) return;
  try {
    process.kill(-pid, signal);
  } catch {
    // ESRCH: every process of the group has exited already.
  }
}
