import { fakeSha, seedPullRequest } from './fake-github-seed.js';
import {
  createFakeGitHubState,
  DEFAULT_OWNER,
  DEFAULT_REPO,
  type FakeGitHubState,
  type StoredPullRequest,
} from './fake-github-state.js';
import { githubTimestamp, type JsonObject } from './github-examples.js';
import {
  renumberUrls,
  retargetRepository,
  webhookExample,
  webhookLabel,
  webhookUser,
  type RepositoryTarget,
} from './webhook-examples.js';

/** Everything a `pull_request` payload says about its PR; defaults match `fake.seed.pullRequest()`. */
export interface PullRequestTarget extends RepositoryTarget {
  number: number;
  title: string;
  body: string | null;
  draft: boolean;
  labels: string[];
  headSha: string;
  headRef: string;
  /** `owner/repo` the head branch lives in; another repository means a fork. */
  headRepository: string;
  baseSha: string;
  baseRef: string;
  author: string;
  /** `updated_at`: GitHub moves it on every push, before the event is sent. */
  updatedAt?: string;
}

/** The target a payload needs to describe the PR `number` seeded in a fake. */
export function pullRequestTarget(state: FakeGitHubState, number = 1): PullRequestTarget {
  const pr = state.pullRequests.get(number);
  if (!pr) throw new Error(`The fake has no pull request #${number}; seed it first`);
  return targetOf(state.owner, state.repo, pr);
}

function targetOf(owner: string, repo: string, pr: StoredPullRequest): PullRequestTarget {
  const { number, title, body, draft, labels, headSha, headRef, headRepository, baseSha, baseRef } = pr;
  return {
    owner,
    repo,
    number,
    title,
    body,
    draft,
    labels,
    headSha,
    headRef,
    headRepository,
    baseSha,
    baseRef,
    author: pr.user.login,
    updatedAt: githubTimestamp(pr.updatedAt),
  };
}

/** The target of a default-seeded PR in a default fake, computed by seeding a throwaway state. */
function defaultTarget(): PullRequestTarget {
  const state = createFakeGitHubState(DEFAULT_OWNER, DEFAULT_REPO);
  return targetOf(DEFAULT_OWNER, DEFAULT_REPO, seedPullRequest(state));
}

/** The `pull_request` actions the action reacts to. */
export type PullRequestAction = 'opened' | 'synchronize' | 'reopened' | 'ready_for_review' | 'labeled';

/** Overrides for `pullRequestPayload`. */
export interface PullRequestPayloadOptions extends Partial<PullRequestTarget> {
  /** For `labeled`: the label just added (also added to `labels`). Defaults to `handoff:security`. */
  label?: string;
  /** Who triggered the event; defaults to the PR author. */
  sender?: string;
  /** For `synchronize`: the head before the push. */
  before?: string;
}

function branch(
  template: unknown,
  target: PullRequestTarget,
  fullName: string,
  ref: string,
  sha: string,
): JsonObject {
  const value = structuredClone(template) as JsonObject;
  const repository = value.repo as JsonObject;
  const [owner = target.owner, name = target.repo] = fullName.split('/');
  const fork = fullName !== `${target.owner}/${target.repo}`;
  const repo = {
    ...repository,
    name,
    full_name: fullName,
    fork,
    owner: { ...(repository.owner as JsonObject), login: owner },
  };
  return {
    ...value,
    label: `${owner}:${ref}`,
    ref,
    sha,
    repo,
    user: { ...(value.user as JsonObject), login: owner },
  };
}

/**
 * A real `pull_request` payload from `@octokit/webhooks-examples`, pointed at `options`
 * (by default the PR `fake.seed.pullRequest()` creates). The first `opened` example lacks
 * `pull_request.auto_merge`, which GitHub's current webhook schema requires: it is set to
 * `null` (no auto-merge), which is what GitHub sends for a new PR.
 */
export function pullRequestPayload(
  action: PullRequestAction,
  options: PullRequestPayloadOptions = {},
): JsonObject {
  const target: PullRequestTarget = { ...defaultTarget(), ...options };
  const example = webhookExample('pull_request', action);
  const originalNumber = Number(example.number);
  const payload = renumberUrls(retargetRepository(example, target), originalNumber, target.number);
  const pr = payload.pull_request as JsonObject;
  const labels =
    action === 'labeled'
      ? [...new Set([...target.labels, options.label ?? 'handoff:security'])]
      : target.labels;
  const labelObjects = labels.map((name, index) => webhookLabel(target, name, 9_000_000 + index));
  const author = webhookUser(pr.user, target.author);
  Object.assign(pr, {
    number: target.number,
    title: target.title,
    body: target.body,
    draft: action === 'ready_for_review' ? false : target.draft,
    state: 'open',
    labels: labelObjects,
    user: author,
    auto_merge: pr.auto_merge ?? null,
    ...(target.updatedAt ? { updated_at: target.updatedAt } : {}),
    head: branch(pr.head, target, target.headRepository, target.headRef, target.headSha),
    base: branch(pr.base, target, `${target.owner}/${target.repo}`, target.baseRef, target.baseSha),
  });
  payload.number = target.number;
  payload.sender = webhookUser(payload.sender, options.sender ?? target.author);
  if (action === 'labeled') payload.label = labelObjects[labelObjects.length - 1];
  if (action === 'synchronize') {
    payload.before = options.before ?? fakeSha(`before-${target.headSha}`);
    payload.after = target.headSha;
  }
  return payload;
}
