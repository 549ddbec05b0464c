import type { RunLog } from '../pipeline/run-log.js';
import type { ValidationLog } from '../validation/validation-log.js';

const write = (line: string) => process.stderr.write(`${line}\n`);

/** The CLI's log: progress and warnings on stderr so stdout stays the report. */
export function createStderrLog(): RunLog {
  const where = (at?: { file?: string; line?: number }) =>
    at?.file ? `${at.file}${at.line ? `:${at.line}` : ''}: ` : '';
  return {
    info: (m) => write(m),
    notice: (m) => write(`note: ${m}`),
    warning: (m, at) => write(`warning: ${where(at)}${m}`),
    error: (m, at) => write(`error: ${where(at)}${m}`),
    startGroup: (t) => write(`▸ ${t}`),
    endGroup: () => undefined,
  };
}

/**
 * Validation's progress on stderr: a `▸` line when a command starts, its output as it arrives
 * with --verbose, "still running" heartbeats, and its one-line result with the duration.
 */
export function createStderrValidationLog(options: { verbose: boolean }): ValidationLog {
  let inGroup = false;
  return {
    startGroup: (title) => {
      inGroup = true;
      write(`▸ ${title}`);
    },
    endGroup: () => {
      inGroup = false;
    },
    write: (text) => {
      const line = text.replace(/\n$/, '');
      if (!inGroup) write(line);
      else if (options.verbose) write(`  ${line}`);
    },
    status: (text) => write(text),
  };
}
