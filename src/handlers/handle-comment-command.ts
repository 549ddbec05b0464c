import { parseBackendCommand, type BackendCommand } from '../commands/backend-command.js';
import { COMMAND_REPLY_MARKER, renderHelp } from '../commands/render-help.js';
import type { Config } from '../config/parse-config.js';
import type { CommentInfo } from '../event.js';
import { decideCodeExecution } from '../policy/decide-code-execution.js';
import type { PullRequestInfo } from '../github/pull-request.js';
import type { ActionEnvironment, HandlerOutcome } from '../pipeline/action-environment.js';
import { writeOrWarn } from '../pipeline/write-or-warn.js';
import { readConfig } from '../pipeline/read-config.js';
import { runFullReport } from '../pipeline/run-full-report.js';
import { runRequestedReview } from '../pipeline/run-requested-review.js';

const RANK: Record<string, number> = { none: 0, read: 1, triage: 2, write: 3, maintain: 4, admin: 5 };

async function reply(env: ActionEnvironment, prNumber: number, text: string): Promise<void> {
  await writeOrWarn(env.log, () => env.gateway.createComment(prNumber, `${COMMAND_REPLY_MARKER}\n${text}`));
}

/** Runs an accepted command. `done` is false when the command could not do what was asked (😕). */
interface CommandResult {
  done: boolean;
  outcome: HandlerOutcome;
}

const ok = (outcome: HandlerOutcome = { failed: false }): CommandResult => ({ done: true, outcome });
const refused: CommandResult = { done: false, outcome: { failed: false } };

async function execute(
  env: ActionEnvironment,
  pr: PullRequestInfo,
  command: BackendCommand,
  config: Config,
): Promise<CommandResult> {
  switch (command.name) {
    case 'help':
      await reply(env, pr.number, renderHelp());
      return ok();
    case 'report':
      return ok(await runFullReport(env, pr));
    case 'validate': {
      // Asked for explicitly, so it runs even where the workflow says `validate: none`.
      const outcome = await runFullReport(env, pr, {
        validateScope: env.settings.validate === 'none' ? 'affected' : env.settings.validate,
      });
      // The report explains a refusal to run a fork's code; the reaction says the ask was not met.
      const execution = decideCodeExecution({
        eventName: env.run.eventName,
        pullRequest: pr,
        runForkCode: config.commands['run-fork-code'],
      });
      return execution.allowed ? ok(outcome) : { done: false, outcome };
    }
    case 'bugfix':
      return ok(
        await runFullReport(env, pr, {
          reportType: 'bugfix',
          reportTypeSource: 'the `/backend bugfix` command',
        }),
      );
    case 'feature':
      return ok(
        await runFullReport(env, pr, {
          reportType: 'implementation',
          reportTypeSource: 'the `/backend feature` command',
        }),
      );
    case 'review':
      return ok(
        await runRequestedReview(env, pr, command.area, {
          reason: `requested with \`/backend review ${command.area}\``,
          addLabel: false,
        }),
      );
    case 'handoff':
      return ok(
        await runRequestedReview(env, pr, command.area, {
          reason: `handed off with \`/backend handoff ${command.area}\``,
          addLabel: true,
        }),
      );
    case 'unknown':
      await reply(env, pr.number, `I don't know \`/backend ${command.text}\`.\n\n${renderHelp()}`);
      return refused;
  }
}

/**
 * `issue_comment` on a PR: only the first line counts, only people with the configured
 * permission are obeyed, and bots are ignored so the bot never answers itself.
 * The step itself does not fail for a refused or failed command: the 😕 reaction says so.
 */
export async function handleCommentCommand(
  env: ActionEnvironment,
  prNumber: number,
  comment: CommentInfo,
): Promise<HandlerOutcome> {
  const command = parseBackendCommand(comment.body);
  if (!command) {
    env.log.notice('The comment is not a `/backend` command; nothing to do.');
    return { failed: false };
  }
  if (comment.authorType === 'Bot' || comment.author.endsWith('[bot]')) {
    env.log.notice(`Ignoring a command from the bot account ${comment.author}.`);
    return { failed: false };
  }
  const pr = await env.gateway.getPullRequest(prNumber);
  const { config } = await readConfig(env, pr);
  const required = config.commands.permission;
  const permission = await env.gateway.permissionOf(comment.author);
  if ((RANK[permission] ?? 0) < (RANK[required] ?? 3)) {
    await env.gateway.react(comment.id, 'confused');
    await reply(
      env,
      prNumber,
      `@${comment.author} \`/backend\` commands need \`${required}\` access to this repository; you have \`${permission}\`.\n\n${renderHelp()}`,
    );
    env.log.notice(
      `Refused \`/backend ${command.name}\` from ${comment.author} (${permission}; needs ${required}).`,
    );
    return { failed: false };
  }
  await env.gateway.react(comment.id, 'eyes');
  try {
    const result = await execute(env, pr, command, config);
    await env.gateway.react(comment.id, result.done && !result.outcome.failed ? 'rocket' : 'confused');
    return result.outcome;
  } catch (error) {
    await env.gateway.react(comment.id, 'confused');
    throw error;
  }
}
