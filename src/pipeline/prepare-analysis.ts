import { findLinkedIssues } from '../changes/find-linked-issues.js';
import type { Config } from '../config/parse-config.js';
import type { PullRequestInfo } from '../github/pull-request.js';
import type { ReportType } from '../report/report-input.js';
import type { ValidateScope } from '../settings.js';
import type { ActionEnvironment } from './action-environment.js';
import { analysePullRequest, type Analysis, type AnalysisRequest } from './analyse-pull-request.js';
import { withCheckoutCredentialsWithheld } from '../git/withhold-checkout-credentials.js';
import { decideCodeExecution } from '../policy/decide-code-execution.js';
import { readConfig } from './read-config.js';
import { resolveWorkspace, type Workspace } from './resolve-workspace.js';
import type { ChangedFile } from '../code/diff/changed-file.js';
import type { ProjectValidation } from '../validation/validation-result.js';

export interface PrepareOptions {
  /** Set by `/backend bugfix|feature`; otherwise the `report-type` input decides. */
  reportType?: ReportType;
  reportTypeSource?: string;
  /** Overrides the `validate` input (`/backend validate`, or `none` for a review-only run). */
  validateScope?: ValidateScope;
  reviews: AnalysisRequest['reviews'];
  /** `mode: report`: the matrix's results, used instead of running validation here. */
  precomputedValidation?: ProjectValidation[];
}

export interface PreparedAnalysis extends Analysis {
  config: Config;
  files: ChangedFile[];
}

function reportTypeOverride(env: ActionEnvironment, options: PrepareOptions): AnalysisRequest['reportType'] {
  if (options.reportType)
    return { value: options.reportType, source: options.reportTypeSource ?? 'a command' };
  if (env.settings.reportType !== 'auto')
    return { value: env.settings.reportType, source: 'the `report-type` input' };
  return undefined;
}

/** The first issue the PR says it closes, for the Bug Fix Report's "Issue". */
async function readLinkedIssue(
  env: ActionEnvironment,
  pr: PullRequestInfo,
): Promise<{ number: number; title: string; body: string } | undefined> {
  const [first] = findLinkedIssues(pr.body);
  if (first === undefined) return undefined;
  const issue = await env.gateway.getIssue(first);
  return issue ? { number: first, ...issue } : undefined;
}

function findPullRequestCheckout(env: ActionEnvironment, pr: PullRequestInfo): Promise<Workspace> {
  return resolveWorkspace({
    directory: env.settings.workingDirectory,
    prNumber: pr.number,
    headSha: pr.headSha,
    // On `pull_request`, actions/checkout leaves the merge commit GITHUB_SHA: that is the PR too.
    acceptedCommits: env.run.eventName === 'pull_request' ? [env.run.sha] : [],
    tempDir: env.run.tempDir,
    auth: { serverUrl: env.run.serverUrl, token: env.settings.githubToken },
  });
}

/** The model's settings for this run, or undefined without a key. */
async function modelOptions(env: ActionEnvironment, pr: PullRequestInfo): Promise<AnalysisRequest['model']> {
  if (!env.reviewModel) return undefined;
  return {
    model: env.reviewModel,
    name: env.settings.model,
    maxInputTokens: env.settings.maxInputTokens,
    commitMessages: await env.gateway.listCommitMessages(pr.number),
  };
}

/** What validation may do this run: the policy on PR code decides before the inputs do. */
function validationOptions(
  env: ActionEnvironment,
  pr: PullRequestInfo,
  config: Config,
  options: PrepareOptions,
): AnalysisRequest['validation'] {
  const execution = decideCodeExecution({
    eventName: env.run.eventName,
    pullRequest: pr,
    runForkCode: config.commands['run-fork-code'],
  });
  const timeoutMinutes = config.validation['timeout-minutes'] ?? env.settings.timeoutMinutes;
  return {
    scope: execution.allowed ? (options.validateScope ?? env.settings.validate) : 'none',
    install: env.settings.install,
    timeoutMs: timeoutMinutes * 60_000,
    tempDir: env.run.tempDir,
    ...(execution.allowed ? {} : { turnedOffBy: execution.reason }),
  };
}

/** Runs the pipeline; when it will run PR code, without the checkout's persisted credentials on disk. */
function analyse(env: ActionEnvironment, workspace: Workspace, request: AnalysisRequest): Promise<Analysis> {
  const { root } = workspace;
  if (root === undefined || request.validation.scope === 'none' || request.precomputedValidation)
    return analysePullRequest(request);
  return withCheckoutCredentialsWithheld([env.settings.workingDirectory, root], env.log, () =>
    analysePullRequest(request),
  );
}

/** Gathers the PR's files, checkout and config, then runs the shared pipeline. */
export async function prepareAnalysis(
  env: ActionEnvironment,
  pr: PullRequestInfo,
  options: PrepareOptions,
): Promise<PreparedAnalysis> {
  const { run, log } = env;
  const files = await env.gateway.listChangedFiles(pr.number);
  log.info(`The pull request changes ${files.length} file(s).`);
  const workspace = await findPullRequestCheckout(env, pr);
  const checkout =
    workspace.root && workspace.commit.sha
      ? { root: workspace.root, commit: workspace.commit.sha, files }
      : undefined;
  const { config, errors } = await readConfig(env, pr, checkout);
  for (const e of errors) log.warning(e);
  const linkedIssue = await readLinkedIssue(env, pr);
  const model = await modelOptions(env, pr);
  const analysis = await analyse(env, workspace, {
    root: workspace.root,
    commit: workspace.commit,
    files,
    pullRequest: {
      title: pr.title,
      body: pr.body,
      labels: pr.labels,
      headBranch: pr.headRef,
      author: pr.author,
      number: pr.number,
      ...(linkedIssue ? { linkedIssue } : {}),
    },
    config,
    reportType: reportTypeOverride(env, options),
    validation: validationOptions(env, pr, config, options),
    redact: env.redact,
    log,
    notes: errors.map((e) => `⚠️ ${e}`),
    runUrl: run.runUrl,
    date: run.now,
    reviews: options.reviews,
    ...(env.dependencyGraph
      ? { dependencyReview: { graph: env.dependencyGraph, baseSha: pr.baseSha, headSha: pr.headSha } }
      : {}),
    ...(model ? { model } : {}),
    ...(options.precomputedValidation ? { precomputedValidation: options.precomputedValidation } : {}),
  });
  return { ...analysis, config, files };
}
