/** Work to undo when the user stops the command (Ctrl-C): temporary worktrees and copies, running commands. */
const pending = new Set<() => Promise<void> | void>();
let installed = false;

/**
 * Runs `cleanup` if the process is interrupted before `release` is called. Commands run in
 * their own process groups, which a terminal's Ctrl-C does not reach, so they are stopped here
 * too; temporary directories are removed so nothing is left behind.
 */
export function cleanUpOnInterrupt(cleanup: () => Promise<void> | void): () => void {
  install();
  pending.add(cleanup);
  return () => pending.delete(cleanup);
}

function install(): void {
  if (installed) return;
  installed = true;
  for (const [signal, code] of [
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const) {
    process.once(signal, () => {
      process.stderr.write(`\nStopped (${signal}); cleaning up…\n`);
      void Promise.allSettled([...pending].map(async (cleanup) => cleanup())).then(() => process.exit(code));
    });
  }
}
