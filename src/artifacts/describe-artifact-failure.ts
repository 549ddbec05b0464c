/**
 * Turns an error of the artifact client into a sentence that says what to do.
 * The client throws plain `Error`s (and a few named subclasses), so the known
 * cases are recognised by name and message.
 */
export function describeArtifactFailure(action: string, error: unknown): string {
  const name = error instanceof Error ? error.name : '';
  const message = (error instanceof Error ? error.message : String(error)).trim();
  const sentence = /[.!?]$/.test(message) ? message : `${message}.`;
  const hint = hintFor(name, message);
  return `Could not ${action}: ${sentence}${hint ? ` ${hint}` : ''}`;
}

function hintFor(name: string, message: string): string | undefined {
  if (/ACTIONS_RUNTIME_TOKEN|ACTIONS_RESULTS_URL/.test(message)) {
    // The runner hands these two variables to JavaScript actions only, never to `run:` steps.
    return 'Matrix mode keeps results as workflow artifacts, which needs a GitHub Actions job: run `mode: validate` and `mode: report` as steps of a workflow, or use `mode: auto` elsewhere.';
  }
  if (name === 'GHESNotSupportedError') {
    return 'GitHub Enterprise Server does not offer the artifact service matrix mode needs; use `mode: auto` there.';
  }
  if (name === 'UsageError') {
    return 'Free artifact storage of the account, or delete old artifacts, then re-run the job.';
  }
  return undefined;
}
