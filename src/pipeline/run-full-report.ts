import type { IssueComment } from '../github/gateway.js';
import type { PullRequestInfo } from '../github/pull-request.js';
import { findLinkedIssues } from '../changes/find-linked-issues.js';
import { fitCommentBody } from '../report/fit-comment-body.js';
import { renderReport } from '../report/render-report.js';
import type { ReportInput, ReportType } from '../report/report-input.js';
import { REPORT_MARKER } from '../report/sections/header-section.js';
import type { ValidateScope } from '../settings.js';
import type { ActionEnvironment, HandlerOutcome } from './action-environment.js';
import { analysePullRequest } from './analyse-pull-request.js';
import { decideExit } from '../validation/decide-exit.js';
import { writeOrWarn } from './write-or-warn.js';
import { readConfig } from './read-config.js';
import { resolveWorkspace } from './resolve-workspace.js';
import { findStickyComment, upsertStickyComment } from './upsert-sticky-comment.js';
import { writeResults } from './write-results.js';

export interface FullReportOptions {
  /** Set by `/backend bugfix|feature`; otherwise the `report-type` input decides. */
  reportType?: ReportType;
  reportTypeSource?: string;
  /** Overrides the `validate` input (e.g. `/backend validate`). */
  validateScope?: ValidateScope;
}

function runningBody(env: ActionEnvironment, pr: PullRequestInfo): string {
  return `${REPORT_MARKER}\n## ⏳ Backend report in progress\n\nAnalysing ${pr.headSha.slice(0, 7)}: discovery, change analysis and validation are running. This comment will be replaced by the report when the [workflow run](${env.run.runUrl}) finishes.`;
}

function reportTypeOverride(env: ActionEnvironment, options: FullReportOptions): { value: ReportType; source: string } | undefined {
  if (options.reportType) return { value: options.reportType, source: options.reportTypeSource ?? 'a command' };
  if (env.settings.reportType !== 'auto') return { value: env.settings.reportType, source: `the \`report-type\` input` };
  return undefined;
}

/** The first issue the PR says it closes, for the Bug Fix Report's "Issue". */
async function readLinkedIssue(env: ActionEnvironment, pr: PullRequestInfo): Promise<{ number: number; title: string; body: string } | undefined> {
  const [first] = findLinkedIssues(pr.body);
  if (first === undefined) return undefined;
  const issue = await env.gateway.getIssue(first);
  return issue ? { number: first, ...issue } : undefined;
}

async function showRunning(env: ActionEnvironment, pr: PullRequestInfo): Promise<IssueComment | undefined> {
  if (!env.settings.comment) return undefined;
  const existing = await findStickyComment(env.gateway, pr.number, REPORT_MARKER);
  return writeOrWarn(env.log, () => upsertStickyComment(env.gateway, pr.number, REPORT_MARKER, runningBody(env, pr), existing));
}

async function buildReport(env: ActionEnvironment, pr: PullRequestInfo, options: FullReportOptions): Promise<ReportInput> {
  const { settings, run, log } = env;
  const files = await env.gateway.listChangedFiles(pr.number);
  log.info(`The pull request changes ${files.length} file(s).`);
  const workspace = await resolveWorkspace({
    directory: settings.workingDirectory,
    prNumber: pr.number,
    headSha: pr.headSha,
    acceptedCommits: run.eventName === 'pull_request' ? [run.sha] : [],
    tempDir: run.tempDir,
  });
  const { config, errors } = await readConfig(env, pr);
  for (const e of errors) log.warning(e);
  const override = reportTypeOverride(env, options);
  const linkedIssue = await readLinkedIssue(env, pr);
  return analysePullRequest({
    root: workspace.root,
    commit: workspace.commit,
    files,
    pullRequest: { title: pr.title, body: pr.body, labels: pr.labels, headBranch: pr.headRef, number: pr.number, ...(linkedIssue ? { linkedIssue } : {}) },
    config,
    reportType: override,
    validation: { scope: options.validateScope ?? settings.validate, install: settings.install, timeoutMs: (config.validation['timeout-minutes'] ?? settings.timeoutMinutes) * 60_000 },
    redact: env.redact,
    log,
    notes: errors.map((e) => `⚠️ ${e}`),
    runUrl: run.runUrl,
    date: run.now,
  });
}

/** The whole run for one PR: running notice, pipeline, report comment, summary and outputs. */
export async function runFullReport(env: ActionEnvironment, pr: PullRequestInfo, options: FullReportOptions = {}): Promise<HandlerOutcome> {
  const running = await showRunning(env, pr);
  const input = await buildReport(env, pr, options);
  const markdown = env.redact(renderReport(input));
  let comment: IssueComment | undefined;
  if (env.settings.comment) {
    const body = fitCommentBody(markdown, env.run.runUrl);
    comment = await writeOrWarn(env.log, () => upsertStickyComment(env.gateway, pr.number, REPORT_MARKER, body, running));
  }
  await writeResults(env, input, markdown, comment);
  const decision = decideExit(input.validation, env.settings.failOn, input.findings.filter((f) => f.severity === 'high').length);
  if (!decision.fail && decision.reason) env.log.info(decision.reason);
  return { failed: decision.fail, ...(decision.fail ? { reason: decision.reason } : {}) };
}
