import type { ValidationLog } from './validation-log.js';

/** How long a command may run with nothing shown before a "still running" line says it is alive. */
export const DEFAULT_HEARTBEAT_MS = 30_000;
/** Output kept for a command waiting for its turn in the log (it is in the report in any case). */
const MAX_WAITING_LINES = 5_000;

export interface LiveLogOptions {
  /** False where command output is not shown (the CLI without --verbose): heartbeats then run on time alone. */
  showsOutput: boolean;
  heartbeatMs?: number;
}

/** One running command's place in the log. */
export interface CommandLogHandle {
  line(text: string): void;
  /** The command ended: its one-line result (shown everywhere) closes its group. */
  close(result: string): void;
}

interface Entry {
  title: string;
  /** A line about the run (a command not run, the environment used): written outside any group. */
  note?: boolean;
  opened: boolean;
  startedAt: number;
  lastShownAt: number;
  lines: string[];
  dropped: number;
  result?: string;
}

/**
 * Streams command output into the log as it arrives, one command at a time: the first command
 * writes into its group live; commands running alongside it keep their lines until the group
 * before them closes, then take the log over. Each command's output stays one unbroken group,
 * and a silent command prints "still running: <title> (1m30s)" every heartbeat.
 */
export class LiveCommandLog {
  private readonly queue: Entry[] = [];
  private timer: NodeJS.Timeout | undefined;
  private readonly heartbeatMs: number;

  constructor(
    private readonly log: ValidationLog,
    private readonly options: LiveLogOptions,
  ) {
    this.heartbeatMs = options.heartbeatMs ?? DEFAULT_HEARTBEAT_MS;
  }

  open(title: string): CommandLogHandle {
    const entry = this.enqueue(title, false);
    this.startTimer();
    return { line: (text) => this.line(entry, text), close: (result) => this.close(entry, result) };
  }

  /** A line about the run, written between groups so it never lands inside another command's output. */
  note(text: string): void {
    this.enqueue(text, true);
  }

  private enqueue(title: string, note: boolean): Entry {
    const now = Date.now();
    const entry: Entry = {
      title,
      note,
      opened: false,
      startedAt: now,
      lastShownAt: now,
      lines: [],
      dropped: 0,
    };
    this.queue.push(entry);
    this.drain();
    return entry;
  }

  private line(entry: Entry, text: string): void {
    if (entry.opened) {
      this.log.write(`${text}\n`);
      if (this.options.showsOutput) entry.lastShownAt = Date.now();
      return;
    }
    entry.lines.push(text);
    if (entry.lines.length > MAX_WAITING_LINES) {
      entry.lines.shift();
      entry.dropped += 1;
    }
  }

  private close(entry: Entry, result: string): void {
    entry.result = result;
    this.drain();
  }

  /** Writes what can be written: notes, the front command's group, and each finished one after it. */
  private drain(): void {
    for (let front = this.queue[0]; front; front = this.queue[0]) {
      if (front.note) {
        this.log.write(`${front.title}\n`);
        this.queue.shift();
        continue;
      }
      if (!front.opened) this.promote(front);
      if (front.result === undefined) return;
      this.status(front.result);
      this.log.endGroup();
      this.queue.shift();
    }
    this.stopTimer();
  }

  /** A command takes the log over: its group opens and what it printed while waiting follows. */
  private promote(entry: Entry): void {
    entry.opened = true;
    this.log.startGroup(entry.title);
    if (entry.dropped > 0)
      this.log.write(`… ${entry.dropped} earlier lines are in the report's output tail\n`);
    for (const text of entry.lines.splice(0)) this.log.write(`${text}\n`);
    if (this.options.showsOutput) entry.lastShownAt = Date.now();
  }

  private status(text: string): void {
    if (this.log.status) this.log.status(text);
    else this.log.write(`${text}\n`);
  }

  private beat(): void {
    const now = Date.now();
    // Where output is shown only the command in front is watched: the others are not silent, only waiting.
    const commands = this.queue.filter((entry) => !entry.note);
    const watched = this.options.showsOutput ? commands.slice(0, 1) : commands;
    for (const entry of watched) {
      if (entry.result !== undefined || now - entry.lastShownAt < this.heartbeatMs) continue;
      entry.lastShownAt = now;
      this.status(`still running: ${entry.title} (${describeElapsed(now - entry.startedAt)})`);
    }
  }

  private startTimer(): void {
    if (this.timer) return;
    this.timer = setInterval(() => this.beat(), Math.min(1_000, this.heartbeatMs));
    this.timer.unref();
  }

  private stopTimer(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }
}

/** `45s`, `1m30s`, `12m05s`. */
export function describeElapsed(ms: number): string {
  const seconds = Math.floor(ms / 1_000);
  if (seconds < 60) return `${seconds}s`;
  return `${Math.floor(seconds / 60)}m${String(seconds % 60).padStart(2, '0')}s`;
}
