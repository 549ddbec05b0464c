/**
 * When the action may run a pull request's code (its install, test and lint commands): the one
 * place that decides it.
 *
 * Running a PR's code hands that code everything the job holds. GitHub's guidance
 * (https://securitylab.github.com/resources/github-actions-preventing-pwn-requests/, and the docs on
 * `pull_request_target` and `issue_comment`:
 * https://docs.github.com/en/actions/writing-workflows/choosing-when-your-workflow-runs/events-that-trigger-workflows#pull_request_target,
 * https://docs.github.com/en/actions/writing-workflows/choosing-when-your-workflow-runs/events-that-trigger-workflows#issue_comment)
 * comes down to this:
 * - `pull_request`: GitHub itself gives a fork's run a read-only token and no secrets, so the PR's code
 *   may run there. A same-repository PR's author can push to the repository anyway.
 * - `issue_comment` and `workflow_dispatch` run in the base repository's context with its token
 *   (`pull-requests: write`) and secrets, whoever wrote the PR. A `/backend` command is obeyed only from
 *   someone with write access (checked before this), and dispatch needs write access to start; even so, a
 *   fork's code must not inherit that context unless the base branch's config says the team accepts it
 *   (`commands: { run-fork-code: true }`).
 * - `pull_request_target` never gets here: the event is refused outright (see event.ts).
 *
 * Whatever is decided here, commands run with a scrubbed environment (validation/command-environment.ts)
 * and without the persisted checkout credentials (git/withhold-checkout-credentials.ts). That is no
 * sandbox: the commands run as the job's user, who can read this process's own environment under
 * /proc and, on GitHub-hosted runners, use sudo. Scrubbing stops accidental leaks; this decision is
 * what keeps a stranger's code away from the job's token and secrets.
 */

export interface CodeExecutionRequest {
  /** `GITHUB_EVENT_NAME` of this run. */
  eventName: string;
  pullRequest: { fromFork: boolean; headRepository: string | null };
  /** `commands.run-fork-code` from the base branch's config. */
  runForkCode: boolean;
}

export type CodeExecution = { allowed: true } | { allowed: false; reason: string };

/** Events whose runs carry the base repository's token and secrets while a person chose the PR. */
const BASE_CONTEXT_EVENTS = new Set(['issue_comment', 'workflow_dispatch']);

/** Whether this run may execute the pull request's commands, and in one line why not. */
export function decideCodeExecution(request: CodeExecutionRequest): CodeExecution {
  const { eventName, pullRequest, runForkCode } = request;
  if (eventName === 'pull_request') return { allowed: true };
  if (!BASE_CONTEXT_EVENTS.has(eventName)) {
    return { allowed: false, reason: `pull request code never runs on \`${eventName}\`` };
  }
  if (!pullRequest.fromFork || runForkCode) return { allowed: true };
  const fork = pullRequest.headRepository ? ` (\`${pullRequest.headRepository}\`)` : '';
  return {
    allowed: false,
    reason:
      `the pull request comes from a fork${fork}, whose code does not run on \`${eventName}\` with this repository's token; ` +
      'the `pull_request` run tests it with a read-only token, or set `commands: { run-fork-code: true }` in the base branch config to run it here',
  };
}
