import type { GitHubClient } from './create-octokit.js';
import { createOnce } from './create-once.js';
import type { CreatedComment, InlineComment, IssueComment, ReviewComment } from './gateway.js';
import type { GitHubCalls } from './github-calls.js';
import { statusOf, toComment } from './octokit-responses.js';

/** One repository of the conversation API. */
export interface RepoRef {
  owner: string;
  repo: string;
}

const WRITE = 'pull-requests: write';
/** Attempts for a create, the first included; each failure is followed by a re-read before the next. */
const CREATE_ATTEMPTS = 3;

const pause = (attempt: number): Promise<void> =>
  new Promise((resolve) => setTimeout(resolve, 1000 * attempt));

/** Comments and review comments of one pull request, over Octokit. */
export class OctokitConversation {
  constructor(
    private readonly octokit: GitHubClient,
    private readonly repo: RepoRef,
    private readonly calls: GitHubCalls,
  ) {}

  listComments(prNumber: number): Promise<IssueComment[]> {
    return this.calls.run('list the pull request comments', undefined, async () => {
      const raw = await this.octokit.paginate(this.octokit.rest.issues.listComments, {
        ...this.repo,
        issue_number: prNumber,
        per_page: 100,
      });
      return raw.map(toComment);
    });
  }

  createComment(prNumber: number, body: string, recognise?: CreatedComment): Promise<IssueComment> {
    const isOurs = recognise ?? ((comment: IssueComment) => comment.body === body);
    return this.calls.run('post a pull request comment', WRITE, () =>
      createOnce({
        create: async () => {
          const { data } = await this.octokit.rest.issues.createComment({
            ...this.repo,
            issue_number: prNumber,
            body,
          });
          return toComment(data);
        },
        find: async () => (await this.listComments(prNumber)).find(isOurs),
        attempts: CREATE_ATTEMPTS,
        wait: pause,
      }),
    );
  }

  updateComment(commentId: number, body: string): Promise<IssueComment> {
    return this.calls.run('edit a pull request comment', WRITE, async () => {
      const { data } = await this.octokit.rest.issues.updateComment({
        ...this.repo,
        comment_id: commentId,
        body,
      });
      return toComment(data);
    });
  }

  deleteComment(commentId: number): Promise<void> {
    return this.calls.run('delete a duplicate pull request comment', WRITE, async () => {
      try {
        await this.octokit.rest.issues.deleteComment({ ...this.repo, comment_id: commentId });
      } catch (error) {
        // Another run deleted it first.
        if (statusOf(error) !== 404) throw error;
      }
    });
  }

  listReviewComments(prNumber: number): Promise<ReviewComment[]> {
    return this.calls.run('list the pull request review comments', undefined, async () => {
      const raw = await this.octokit.paginate(this.octokit.rest.pulls.listReviewComments, {
        ...this.repo,
        pull_number: prNumber,
        per_page: 100,
      });
      return raw.map((c) => ({ id: c.id, body: c.body }));
    });
  }

  createReview(
    prNumber: number,
    commitSha: string,
    body: string,
    comments: InlineComment[],
    recognise: (comment: ReviewComment) => boolean,
  ): Promise<void> {
    return this.calls
      .run('post a pull request review', WRITE, () =>
        createOnce({
          create: async () => {
            await this.octokit.rest.pulls.createReview({
              ...this.repo,
              pull_number: prNumber,
              commit_id: commitSha,
              event: 'COMMENT',
              body,
              comments: comments.map((c) => ({
                path: c.path,
                line: c.line,
                side: c.side ?? 'RIGHT',
                body: c.body,
              })),
            });
            return true;
          },
          find: async () => ((await this.listReviewComments(prNumber)).some(recognise) ? true : undefined),
          attempts: CREATE_ATTEMPTS,
          wait: pause,
        }),
      )
      .then(() => undefined);
  }

  deleteReviewComment(commentId: number): Promise<void> {
    return this.calls.run('delete a duplicate review comment', WRITE, async () => {
      try {
        await this.octokit.rest.pulls.deleteReviewComment({ ...this.repo, comment_id: commentId });
      } catch (error) {
        if (statusOf(error) !== 404) throw error;
      }
    });
  }
}
