import type { PullRequestInfo } from '../github/pull-request.js';
import type { HandoffArea } from '../handoffs/handoff-area.js';
import { renderReviewComment } from '../handoffs/render-review-comment.js';
import type { ActionEnvironment, HandlerOutcome } from './action-environment.js';
import { prepareAnalysis } from './prepare-analysis.js';
import { publishToPullRequest } from './publish-to-pull-request.js';

/**
 * One area's review, asked for by a person (a `handoff:<area>` label or a `/backend` command):
 * no validation and no report update, just that area's comment and inline findings. The review
 * goes to the job summary first, so a GitHub failure cannot lose it.
 */
export async function runRequestedReview(
  env: ActionEnvironment,
  pr: PullRequestInfo,
  area: HandoffArea,
  request: { reason: string; addLabel: boolean },
): Promise<HandlerOutcome> {
  const { reviews, config, files } = await prepareAnalysis(env, pr, {
    validateScope: 'none',
    reviews: [{ area, reason: request.reason }],
  });
  const findings = reviews.flatMap((r) => r.findings);
  for (const review of reviews)
    await env.sink.writeSummary(
      env.redact(
        renderReviewComment(review.area, review.findings, { reasons: review.reasons, headSha: pr.headSha }),
      ),
    );
  env.sink.setOutput('handoffs', JSON.stringify([area]));
  env.sink.setOutput('findings', String(findings.length));
  const published = await publishToPullRequest(env, pr, {
    reviews,
    files,
    labels: request.addLabel ? [area] : [],
    handoffConfig: config.handoffs,
    alwaysComment: true,
  });
  const url = published.areaUrls.get(area);
  if (url) env.sink.setOutput('comment-url', url);
  env.log.info(`The ${area} review found ${findings.length} issue(s).`);
  const high = findings.filter((f) => f.severity === 'high').length;
  if (env.settings.failOn === 'high-findings' && high > 0)
    return {
      failed: true,
      reason: `fail-on: high-findings: ${high} high-severity finding(s) in the ${area} review.`,
    };
  return { failed: false };
}
