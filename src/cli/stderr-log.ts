import type { RunLog } from '../pipeline/run-log.js';

/** The CLI's log: progress and warnings on stderr so stdout stays the report; command output only with --verbose. */
export function createStderrLog(options: { verbose: boolean }): RunLog {
  const write = (line: string) => process.stderr.write(`${line}\n`);
  let depth = 0;
  return {
    info: (m) => {
      if (options.verbose || depth === 0) write(m);
    },
    notice: (m) => write(`note: ${m}`),
    warning: (m, where) =>
      write(`warning: ${where?.file ? `${where.file}${where.line ? `:${where.line}` : ''}: ` : ''}${m}`),
    error: (m, where) =>
      write(`error: ${where?.file ? `${where.file}${where.line ? `:${where.line}` : ''}: ` : ''}${m}`),
    startGroup: (t) => {
      write(`▸ ${t}`);
      depth++;
    },
    endGroup: () => {
      depth = Math.max(0, depth - 1);
    },
  };
}
