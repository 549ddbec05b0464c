import { z } from 'zod';
import type { PullRequestInfo } from './github/pull-request.js';

/** The webhook event, parsed once into what the action can act on. */
export type ActionEvent =
  | { kind: 'pull-request'; action: PullRequestAction; pullRequest: PullRequestInfo; label?: string }
  | { kind: 'comment'; prNumber: number; comment: CommentInfo }
  | { kind: 'dispatch'; prNumber: number }
  | { kind: 'ignored'; reason: string }
  /** An event the action must not run on: the step fails with `reason`, which says what to use instead. */
  | { kind: 'refused'; reason: string };

export const PULL_REQUEST_ACTIONS = [
  'opened',
  'synchronize',
  'reopened',
  'ready_for_review',
  'labeled',
] as const;
export type PullRequestAction = (typeof PULL_REQUEST_ACTIONS)[number];

export interface CommentInfo {
  id: number;
  body: string;
  author: string;
  /** GitHub's account type: `User`, `Bot` or `Organization`. */
  authorType: string;
}

const label = z.object({ name: z.string() });
const pullRequestSchema = z.object({
  number: z.number().int().positive(),
  title: z.string().nullish(),
  body: z.string().nullish(),
  draft: z.boolean().nullish(),
  state: z.string().nullish(),
  html_url: z.string().nullish(),
  user: z.object({ login: z.string() }).nullish(),
  labels: z.array(label).nullish(),
  updated_at: z.string().nullish(),
  head: z.object({
    sha: z.string(),
    ref: z.string(),
    repo: z.object({ full_name: z.string() }).nullish(),
  }),
  base: z.object({
    sha: z.string(),
    ref: z.string(),
    repo: z.object({ full_name: z.string() }).nullish(),
  }),
});

/** Maps a `pull_request` object (payload or REST API) to what the pipeline uses. */
export function toPullRequestInfo(raw: unknown): PullRequestInfo {
  const pr = pullRequestSchema.parse(raw);
  return {
    number: pr.number,
    title: pr.title ?? '',
    body: pr.body ?? '',
    draft: pr.draft ?? false,
    state: pr.state ?? 'open',
    headSha: pr.head.sha,
    headRef: pr.head.ref,
    baseSha: pr.base.sha,
    baseRef: pr.base.ref,
    labels: (pr.labels ?? []).map((l) => l.name),
    author: pr.user?.login ?? '',
    htmlUrl: pr.html_url ?? '',
    headRepository: pr.head.repo?.full_name ?? null,
    // A head repository GitHub no longer knows (a deleted fork) counts as a fork: its code is not ours.
    fromFork: !pr.head.repo || !pr.base.repo || pr.head.repo.full_name !== pr.base.repo.full_name,
    ...(pr.updated_at ? { updatedAt: pr.updated_at } : {}),
  };
}

const pullRequestEvent = z.object({ action: z.string(), pull_request: z.unknown(), label: label.nullish() });
const issueCommentEvent = z.object({
  action: z.string(),
  issue: z.object({ number: z.number().int().positive(), pull_request: z.unknown().optional() }),
  comment: z.object({
    id: z.number().int(),
    body: z.string().nullish(),
    user: z.object({ login: z.string(), type: z.string().nullish() }).nullish(),
  }),
});

function describeIssues(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
}

/**
 * Decides what this run is about. Anything the action does not handle becomes `ignored`
 * with a reason, so the step can end with a notice and exit code 0.
 */
export function parseEvent(
  eventName: string,
  payload: unknown,
  dispatchPrNumber: number | undefined,
): ActionEvent {
  switch (eventName) {
    case 'pull_request': {
      const parsed = pullRequestEvent.safeParse(payload);
      if (!parsed.success)
        return {
          kind: 'ignored',
          reason: `The pull_request payload is not usable (${describeIssues(parsed.error)}).`,
        };
      const { action } = parsed.data;
      if (!(PULL_REQUEST_ACTIONS as readonly string[]).includes(action)) {
        return { kind: 'ignored', reason: `Pull request action \`${action}\` needs no report.` };
      }
      const pr = pullRequestSchema.safeParse(parsed.data.pull_request);
      if (!pr.success)
        return {
          kind: 'ignored',
          reason: `The pull_request payload is not usable (${describeIssues(pr.error)}).`,
        };
      const pullRequest = toPullRequestInfo(pr.data);
      const labelName = parsed.data.label?.name;
      return {
        kind: 'pull-request',
        action: action as PullRequestAction,
        pullRequest,
        ...(labelName ? { label: labelName } : {}),
      };
    }
    case 'issue_comment': {
      const parsed = issueCommentEvent.safeParse(payload);
      if (!parsed.success)
        return {
          kind: 'ignored',
          reason: `The issue_comment payload is not usable (${describeIssues(parsed.error)}).`,
        };
      const { action, issue, comment } = parsed.data;
      if (action !== 'created')
        return {
          kind: 'ignored',
          reason: `Comment action \`${action}\` is ignored; only new comments carry commands.`,
        };
      if (issue.pull_request === undefined || issue.pull_request === null) {
        return { kind: 'ignored', reason: 'The comment is on an issue, not a pull request.' };
      }
      return {
        kind: 'comment',
        prNumber: issue.number,
        comment: {
          id: comment.id,
          body: comment.body ?? '',
          author: comment.user?.login ?? '',
          authorType: comment.user?.type ?? 'User',
        },
      };
    }
    case 'workflow_dispatch':
      if (dispatchPrNumber === undefined) {
        return {
          kind: 'refused',
          reason:
            'workflow_dispatch needs the `pr-number` input to know which pull request to report on: add `pr-number: ${{ inputs.pr-number }}` to the step and a `pr-number` input to the workflow.',
        };
      }
      return { kind: 'dispatch', prNumber: dispatchPrNumber };
    case 'pull_request_target':
      // This event runs with the base repository's secrets and a write token, for pull requests from
      // anyone: running the PR's code here hands both to its author ("pwn request",
      // https://securitylab.github.com/resources/github-actions-preventing-pwn-requests/).
      return {
        kind: 'refused',
        reason:
          "pull_request_target is refused: it runs with secrets and a write token, so running the pull request's code there would hand them to its author. Trigger this workflow on `pull_request` (and `issue_comment` for `/backend` commands) instead.",
      };
    default:
      return {
        kind: 'ignored',
        reason: `Event \`${eventName || '(none)'}\` is not handled; use pull_request, issue_comment or workflow_dispatch.`,
      };
  }
}
