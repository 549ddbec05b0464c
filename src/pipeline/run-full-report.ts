import type { IssueComment } from '../github/gateway.js';
import type { PullRequestInfo } from '../github/pull-request.js';
import { fitCommentBody } from '../report/fit-comment-body.js';
import { renderReport } from '../report/render-report.js';
import type { ReportInput } from '../report/report-input.js';
import { REPORT_MARKER } from '../report/sections/header-section.js';
import { decideExit } from '../validation/decide-exit.js';
import type { ActionEnvironment, HandlerOutcome } from './action-environment.js';
import { applyHandoffLabels } from './apply-handoff-labels.js';
import { postAreaReviews } from './post-area-reviews.js';
import { prepareAnalysis, type PrepareOptions } from './prepare-analysis.js';
import { findStickyComment, upsertStickyComment } from './upsert-sticky-comment.js';
import { writeOrWarn } from './write-or-warn.js';
import { writeResults } from './write-results.js';
import { annotateFailures } from './annotate-failures.js';

function runningBody(env: ActionEnvironment, pr: PullRequestInfo): string {
  return `${REPORT_MARKER}\n## ⏳ Backend report in progress\n\nAnalysing ${pr.headSha.slice(0, 7)}: discovery, change analysis, validation and reviews are running. This comment will be replaced by the report when the [workflow run](${env.run.runUrl}) finishes.`;
}

function failedBody(env: ActionEnvironment, pr: PullRequestInfo): string {
  return `${REPORT_MARKER}\n## ⚠️ Backend report failed\n\nThe run for ${pr.headSha.slice(0, 7)} stopped before the report was ready: see the [workflow run](${env.run.runUrl}). Comment \`/backend report\` to try again.`;
}

async function showRunning(env: ActionEnvironment, pr: PullRequestInfo): Promise<IssueComment | undefined> {
  if (!env.settings.comment) return undefined;
  const existing = await findStickyComment(env.gateway, pr.number, REPORT_MARKER);
  return writeOrWarn(env.log, () =>
    upsertStickyComment(env.gateway, pr.number, REPORT_MARKER, runningBody(env, pr), existing),
  );
}

/** The report comment (cut to fit), the job summary, the report file and the outputs. */
async function publishReport(
  env: ActionEnvironment,
  pr: PullRequestInfo,
  input: ReportInput,
  running: IssueComment | undefined,
): Promise<void> {
  const markdown = env.redact(renderReport(input));
  const body = fitCommentBody(markdown, env.run.runUrl);
  const comment = env.settings.comment
    ? await writeOrWarn(env.log, () =>
        upsertStickyComment(env.gateway, pr.number, REPORT_MARKER, body, running),
      )
    : undefined;
  await writeResults(env, input, markdown, comment);
}

/** `fail-on` decides; a reason not to fail despite problems still goes to the log. */
function outcomeOf(env: ActionEnvironment, input: ReportInput): HandlerOutcome {
  const high = input.findings.filter((f) => f.severity === 'high').length;
  const decision = decideExit(input.validation, env.settings.failOn, high);
  if (!decision.fail && decision.reason) env.log.info(decision.reason);
  return decision.fail ? { failed: true, reason: decision.reason } : { failed: false };
}

/** The whole run for one PR: running notice, pipeline, handoffs, report comment, summary and outputs. */
export async function runFullReport(
  env: ActionEnvironment,
  pr: PullRequestInfo,
  options: Omit<PrepareOptions, 'reviews'> = {},
): Promise<HandlerOutcome> {
  const running = await showRunning(env, pr);
  try {
    const { report, reviews, config, files } = await prepareAnalysis(env, pr, {
      ...options,
      reviews: 'automatic',
    });
    annotateFailures(env, report.validation, files);
    await applyHandoffLabels(
      env,
      pr,
      reviews.map((r) => r.area),
      config.handoffs,
    );
    const urls = await postAreaReviews(env, pr, reviews, files, { alwaysComment: false });
    const input = {
      ...report,
      handoffs: report.handoffs.map((h) => ({ ...h, commentUrl: urls.get(h.area) })),
    };
    await publishReport(env, pr, input, running);
    return outcomeOf(env, input);
  } catch (error) {
    // Leave no "in progress" comment behind when the run dies.
    if (running)
      await writeOrWarn(env.log, () => env.gateway.updateComment(running.id, failedBody(env, pr))).catch(
        () => undefined,
      );
    throw error;
  }
}
