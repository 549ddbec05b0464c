/** Why a command failed, in words, with what to do about it. */
export interface FailureCause {
  kind:
    | 'timeout'
    | 'out-of-memory'
    | 'missing-file'
    | 'service-unreachable'
    | 'registry'
    | 'missing-tool'
    | 'wrong-version'
    | 'error-line';
  /** One line, e.g. "PostgreSQL not reachable on port 5432 (ECONNREFUSED)". */
  summary: string;
  /** What to change, e.g. "start PostgreSQL as a service in the workflow". */
  hint?: string;
}

/** A reader of one kind of cause from a command's output (plain text, no colour codes). */
export type CauseReader = (output: string) => FailureCause | undefined;

/** The first capture of `pattern` in `text`, trimmed. */
export function capture(pattern: RegExp, text: string, group = 1): string | undefined {
  return pattern.exec(text)?.[group]?.trim();
}
