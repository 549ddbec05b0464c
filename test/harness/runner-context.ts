import { fakeSha } from './fake-github-seed.js';
import type { JsonObject } from './github-examples.js';

/** The `GITHUB_*` values the runner derives from the event. */
export interface RunnerContext {
  repository: string;
  owner: string;
  actor: string;
  sha: string;
  ref: string;
  headRef: string;
  baseRef: string;
}

function objectAt(value: unknown, key: string): JsonObject {
  const child = value !== null && typeof value === 'object' ? (value as JsonObject)[key] : undefined;
  return child !== null && typeof child === 'object' ? (child as JsonObject) : {};
}

function stringAt(value: JsonObject, key: string, fallback: string): string {
  const found = value[key];
  return typeof found === 'string' ? found : fallback;
}

/** `GITHUB_SHA` and `GITHUB_REF` for the event, as GitHub documents them per event. */
function refAndSha(event: string, payload: JsonObject, defaultBranch: string): { ref: string; sha: string } {
  const pr = objectAt(payload, 'pull_request');
  const number = Number(payload.number ?? pr.number);
  if (event === 'pull_request') {
    // The runner checks out the test merge commit `refs/pull/<n>/merge`.
    return {
      ref: `refs/pull/${number}/merge`,
      sha: stringAt(pr, 'merge_commit_sha', fakeSha(`merge-${number}`)),
    };
  }
  if (event === 'pull_request_target') {
    const base = objectAt(pr, 'base');
    return {
      ref: `refs/heads/${stringAt(base, 'ref', defaultBranch)}`,
      sha: stringAt(base, 'sha', fakeSha('base')),
    };
  }
  if (event === 'push')
    return {
      ref: stringAt(payload, 'ref', `refs/heads/${defaultBranch}`),
      sha: stringAt(payload, 'after', fakeSha('push')),
    };
  const ref = stringAt(payload, 'ref', `refs/heads/${defaultBranch}`);
  return { ref, sha: fakeSha(`tip-of-${ref}`) };
}

/** What the runner would put in `GITHUB_*` for this event and payload. */
export function runnerContext(event: string, payload: JsonObject): RunnerContext {
  const repository = objectAt(payload, 'repository');
  const fullName = stringAt(repository, 'full_name', 'octo-org/orders-service');
  const defaultBranch = stringAt(repository, 'default_branch', 'main');
  const pr = objectAt(payload, 'pull_request');
  const isPullRequest = event === 'pull_request' || event === 'pull_request_target';
  return {
    repository: fullName,
    owner: fullName.split('/')[0] ?? '',
    actor: stringAt(objectAt(payload, 'sender'), 'login', 'octo-dev'),
    ...refAndSha(event, payload, defaultBranch),
    headRef: isPullRequest ? stringAt(objectAt(pr, 'head'), 'ref', '') : '',
    baseRef: isPullRequest ? stringAt(objectAt(pr, 'base'), 'ref', '') : '',
  };
}
