import type { ChangedFile } from '../code/diff/changed-file.js';
import type { Config } from '../config/parse-config.js';
import { GitHubCallError } from '../github/gateway.js';
import type { PullRequestInfo } from '../github/pull-request.js';
import type { HandoffArea } from '../handoffs/handoff-area.js';
import { MARKER_STAMP_ROOM } from '../report/comment-marker.js';
import { fitCommentBody, GITHUB_BODY_LIMIT } from '../report/fit-comment-body.js';
import { renderReport } from '../report/render-report.js';
import type { ReportInput } from '../report/report-input.js';
import { REPORT_MARKER } from '../report/sections/header-section.js';
import { decideExit } from '../validation/decide-exit.js';
import type { ActionEnvironment, HandlerOutcome } from './action-environment.js';
import { annotateFailures } from './annotate-failures.js';
import { convergeStickyComment } from './converge-sticky-comment.js';
import type { AreaReview } from './post-area-reviews.js';
import { prepareAnalysis, type PrepareOptions } from './prepare-analysis.js';
import { currentHeadOf, publishToPullRequest, versionOf } from './publish-to-pull-request.js';
import { writeResults } from './write-results.js';

function runningBody(env: ActionEnvironment, pr: PullRequestInfo): string {
  return `${REPORT_MARKER}\n## ⏳ Backend report in progress\n\nAnalysing ${pr.headSha.slice(0, 7)}: discovery, change analysis, validation and reviews are running. This comment will be replaced by the report when the [workflow run](${env.run.runUrl}) finishes.`;
}

function failedBody(env: ActionEnvironment, pr: PullRequestInfo): string {
  return `${REPORT_MARKER}\n## ⚠️ Backend report failed\n\nThe run for ${pr.headSha.slice(0, 7)} stopped before the report was ready: see the [workflow run](${env.run.runUrl}). Comment \`/backend report\` to try again.`;
}

/**
 * Puts `body` into the one report comment, unless a newer commit's report is there. Used for the
 * "in progress" and "failed" states; a GitHub failure here is only logged, since the final
 * report is written (and any failure warned about) when the run ends.
 */
async function setReportState(env: ActionEnvironment, pr: PullRequestInfo, body: string): Promise<void> {
  if (!env.settings.comment) return;
  try {
    const listed = await env.gateway.listComments(pr.number);
    const sticky = { name: 'report', body, version: versionOf(pr), create: true };
    await convergeStickyComment(env.gateway, pr.number, listed, sticky, currentHeadOf(env, pr.number));
  } catch (error) {
    if (!(error instanceof GitHubCallError)) throw error;
    env.log.info(`${error.message} The report goes to the job summary in any case.`);
  }
}

function withCommentLinks(input: ReportInput, urls: ReadonlyMap<HandoffArea, string>): ReportInput {
  return { ...input, handoffs: input.handoffs.map((h) => ({ ...h, commentUrl: urls.get(h.area) })) };
}

/**
 * The job summary and the `report` file first, so nothing GitHub does can lose the report; then
 * the pull request (review, area comments, report comment, labels), then the summary again with
 * links to the area comments.
 */
async function publishReport(
  env: ActionEnvironment,
  pr: PullRequestInfo,
  input: ReportInput,
  analysis: { reviews: AreaReview[]; files: ChangedFile[]; config: Config },
): Promise<void> {
  const render = (urls: ReadonlyMap<HandoffArea, string>) =>
    env.redact(renderReport(withCommentLinks(input, urls)));
  await writeResults(env, input, render(new Map()));
  const published = await publishToPullRequest(env, pr, {
    report: (urls) => fitCommentBody(render(urls), env.run.runUrl, GITHUB_BODY_LIMIT - MARKER_STAMP_ROOM),
    reviews: analysis.reviews,
    files: analysis.files,
    labels: analysis.reviews.filter((r) => r.findings.length > 0).map((r) => r.area),
    handoffConfig: analysis.config.handoffs,
    alwaysComment: false,
  });
  if (published.areaUrls.size > 0) await env.sink.writeSummary(render(published.areaUrls));
  env.sink.setOutput('comment-url', published.reportUrl ?? '');
}

/** `fail-on` decides; a reason not to fail despite problems still goes to the log. */
function outcomeOf(env: ActionEnvironment, input: ReportInput): HandlerOutcome {
  const high = input.findings.filter((f) => f.severity === 'high').length;
  const decision = decideExit(input.validation, env.settings.failOn, high);
  if (!decision.fail && decision.reason) env.log.info(decision.reason);
  return decision.fail ? { failed: true, reason: decision.reason } : { failed: false };
}

/** The whole run for one PR: running notice, pipeline, results, then the PR's comments and labels. */
export async function runFullReport(
  env: ActionEnvironment,
  pr: PullRequestInfo,
  options: Omit<PrepareOptions, 'reviews'> = {},
): Promise<HandlerOutcome> {
  await setReportState(env, pr, runningBody(env, pr));
  try {
    const analysis = await prepareAnalysis(env, pr, { ...options, reviews: 'automatic' });
    annotateFailures(env, analysis.report.validation, analysis.files);
    await publishReport(env, pr, analysis.report, analysis);
    return outcomeOf(env, analysis.report);
  } catch (error) {
    // Leave no "in progress" comment behind when the run dies.
    await setReportState(env, pr, failedBody(env, pr)).catch(() => undefined);
    throw error;
  }
}
