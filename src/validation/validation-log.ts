/**
 * Where validation writes its progress. The composition root maps it onto
 * `core.startGroup`/`core.endGroup`/`core.info`; the command line onto stderr.
 * Groups are never nested: one command's output is one unbroken group.
 */
export interface ValidationLog {
  startGroup(title: string): void;
  endGroup(): void;
  /** A line of a command's output (inside its group), or a line about the run (outside any group). */
  write(text: string): void;
  /**
   * A line that must be seen even where command output is hidden: a command's one-line result
   * with its duration, "still running" heartbeats. Written like `write` when absent.
   */
  status?(text: string): void;
}
