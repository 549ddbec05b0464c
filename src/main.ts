import * as core from '@actions/core';
import { context } from '@actions/github';
import os from 'node:os';
import path from 'node:path';
import { createArtifactResultStore } from './artifacts/artifact-result-store.js';
import type { ValidationResultStore } from './artifacts/validation-result-store.js';
import { handleMatrixMode } from './handlers/handle-matrix-mode.js';
import { createActionLog } from './action-log.js';
import { parseEvent, type ActionEvent } from './event.js';
import { createOctokit } from './github/create-octokit.js';
import { OctokitDependencyGraph } from './github/octokit-dependency-graph.js';
import { OctokitGateway } from './github/octokit-gateway.js';
import { handleCommentCommand } from './handlers/handle-comment-command.js';
import { handleDispatch } from './handlers/handle-dispatch.js';
import { handlePullRequest } from './handlers/handle-pull-request.js';
import { InputError, readInputs } from './inputs.js';
import type { Settings } from './settings.js';
import type { ActionEnvironment, HandlerOutcome } from './pipeline/action-environment.js';
import { basicAuthHeaderValue } from './redaction/basic-auth-header.js';
import { createRedactor } from './redaction/redact-secrets.js';
import { createResultSink } from './result-sink.js';
import { createReviewModel } from './llm/anthropic-review-model.js';

/** The routing table: each event the action handles, and its handler. */
async function route(
  env: ActionEnvironment,
  event: Exclude<ActionEvent, { kind: 'ignored' | 'refused' }>,
): Promise<HandlerOutcome> {
  const matrix = env.settings.mode !== 'auto';
  switch (event.kind) {
    case 'pull-request':
      if (matrix && event.action !== 'labeled' && !event.pullRequest.draft)
        return handleMatrixMode(env, createResultStore(env), event.pullRequest);
      return handlePullRequest(env, event);
    case 'comment':
      return handleCommentCommand(env, event.prNumber, event.comment);
    case 'dispatch':
      if (matrix)
        return handleMatrixMode(
          env,
          createResultStore(env),
          await env.gateway.getPullRequest(event.prNumber),
        );
      return handleDispatch(env, event.prNumber);
  }
}

function createResultStore(env: ActionEnvironment): ValidationResultStore {
  return createArtifactResultStore({
    tempDir: path.join(env.run.tempDir, 'backend-developer-artifacts'),
    log: env.log,
  });
}

function buildEnvironment(settings: Settings, redact: (text: string) => string): ActionEnvironment {
  const log = createActionLog(redact);
  const apiUrl = process.env.GITHUB_API_URL || 'https://api.github.com';
  const octokit = createOctokit({
    token: settings.githubToken,
    baseUrl: apiUrl,
    log: { info: (m) => log.info(m), debug: (m) => core.debug(redact(m)) },
  });
  const tempDir = process.env.RUNNER_TEMP || os.tmpdir();
  // No key, no client: the SDK would otherwise look for credentials on the machine.
  const reviewModel = createReviewModel({ apiKey: settings.anthropicApiKey, model: settings.model, redact });
  return {
    settings,
    gateway: new OctokitGateway(octokit, context.repo),
    dependencyGraph: new OctokitDependencyGraph(octokit, context.repo),
    log,
    sink: createResultSink(tempDir),
    redact,
    ...(reviewModel ? { reviewModel } : {}),
    run: {
      eventName: context.eventName,
      sha: context.sha,
      runUrl: `${context.serverUrl}/${context.repo.owner}/${context.repo.repo}/actions/runs/${context.runId}`,
      serverUrl: context.serverUrl,
      workspace: process.env.GITHUB_WORKSPACE || process.cwd(),
      tempDir,
      now: new Date(),
    },
  };
}

/**
 * The secret inputs, and the token in the form actions/checkout persists it
 * (`AUTHORIZATION: basic base64(x-access-token:TOKEN)`), which a file read from the checkout could hold.
 */
function secretInputs(settings: Settings): { name: string; value: string }[] {
  const secrets = [{ name: 'github-token', value: settings.githubToken }];
  if (settings.githubToken)
    secrets.push({ name: 'github-token', value: basicAuthHeaderValue(settings.githubToken) });
  if (settings.anthropicApiKey) secrets.push({ name: 'anthropic-api-key', value: settings.anthropicApiKey });
  return secrets.filter((secret) => secret.value !== '');
}

/** The action's composition root: inputs, event, real clients, one handler, outcome. */
export async function run(): Promise<void> {
  let redact = createRedactor({ env: process.env });
  try {
    const settings = readInputs();
    redact = createRedactor({ env: process.env, extraSecrets: secretInputs(settings) });
    const event = parseEvent(context.eventName, context.payload, settings.prNumber);
    if (event.kind === 'ignored') {
      core.notice(event.reason);
      return;
    }
    if (event.kind === 'refused') {
      core.setFailed(event.reason);
      return;
    }
    const outcome = await route(buildEnvironment(settings, redact), event);
    if (outcome.failed) core.setFailed(outcome.reason ?? 'backend-developer failed.');
  } catch (error) {
    if (error instanceof InputError) core.setFailed(error.message);
    else
      core.setFailed(
        redact(`backend-developer stopped: ${error instanceof Error ? error.message : String(error)}`),
      );
  }
}
