/** Bad command-line usage: printed with the usage of `command` (or the overview), exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError';

  constructor(
    message: string,
    /** The command whose usage to print after the message; the overview when absent. */
    readonly command?: string,
    /** False for errors that are about the input, not the syntax (a missing directory): no usage then. */
    readonly showUsage = true,
  ) {
    super(message);
  }
}
