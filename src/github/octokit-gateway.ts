import type { ChangedFile } from '../code/diff/changed-file.js';
import { toPullRequestInfo } from '../event.js';
import type { GitHubClient } from './create-octokit.js';
import type {
  CreatedComment,
  GitHubGateway,
  InlineComment,
  IssueComment,
  Reaction,
  ReviewComment,
} from './gateway.js';
import { OctokitConversation, type RepoRef } from './octokit-conversation.js';
import { GitHubCalls } from './github-calls.js';
import { statusOf, toChangedFile } from './octokit-responses.js';
import type { PullRequestInfo } from './pull-request.js';

/** GitHub's files endpoint returns at most this many files, 100 a page. */
const MAX_PR_FILES = 3000;

/** The GitHub gateway over a configured Octokit client, for one repository. */
export class OctokitGateway implements GitHubGateway {
  private readonly conversation: OctokitConversation;
  private readonly calls = new GitHubCalls();
  private readonly files = new Map<string, Promise<string | undefined>>();

  constructor(
    private readonly octokit: GitHubClient,
    private readonly repo: RepoRef,
  ) {
    this.conversation = new OctokitConversation(octokit, repo, this.calls);
  }

  async getPullRequest(prNumber: number): Promise<PullRequestInfo> {
    const { data } = await this.octokit.rest.pulls.get({ ...this.repo, pull_number: prNumber });
    return toPullRequestInfo(data);
  }

  async listChangedFiles(prNumber: number): Promise<ChangedFile[]> {
    const files: ChangedFile[] = [];
    const pages = this.octokit.paginate.iterator(this.octokit.rest.pulls.listFiles, {
      ...this.repo,
      pull_number: prNumber,
      per_page: 100,
    });
    for await (const page of pages) {
      for (const raw of page.data) files.push(toChangedFile(raw));
      if (files.length >= MAX_PR_FILES) break;
    }
    return files;
  }

  async getIssue(issueNumber: number): Promise<{ title: string; body: string } | undefined> {
    try {
      const { data } = await this.octokit.rest.issues.get({ ...this.repo, issue_number: issueNumber });
      return { title: data.title, body: data.body ?? '' };
    } catch (error) {
      if (statusOf(error) === 404 || statusOf(error) === 410 || statusOf(error) === 403) return undefined;
      throw error;
    }
  }

  async listCommitMessages(prNumber: number): Promise<string[]> {
    const commits = await this.octokit.paginate(this.octokit.rest.pulls.listCommits, {
      ...this.repo,
      pull_number: prNumber,
      per_page: 100,
    });
    return commits.map((c) => c.commit.message);
  }

  /**
   * Read once per run: the handlers read the config to decide what to do, and the analysis reads
   * it again; a file at a commit does not change.
   */
  readFileAtRef(path: string, ref: string): Promise<string | undefined> {
    const key = `${ref}:${path}`;
    const known = this.files.get(key);
    if (known) return known;
    const reading = this.fetchFileAtRef(path, ref);
    this.files.set(key, reading);
    reading.catch(() => this.files.delete(key));
    return reading;
  }

  private async fetchFileAtRef(path: string, ref: string): Promise<string | undefined> {
    try {
      const { data } = await this.octokit.rest.repos.getContent({ ...this.repo, path, ref });
      if (Array.isArray(data) || data.type !== 'file' || !('content' in data)) return undefined;
      return Buffer.from(data.content, 'base64').toString('utf8');
    } catch (error) {
      if (statusOf(error) === 404) return undefined;
      throw error;
    }
  }

  listComments(prNumber: number): Promise<IssueComment[]> {
    return this.conversation.listComments(prNumber);
  }

  createComment(prNumber: number, body: string, recognise?: CreatedComment): Promise<IssueComment> {
    return this.conversation.createComment(prNumber, body, recognise);
  }

  updateComment(commentId: number, body: string): Promise<IssueComment> {
    return this.conversation.updateComment(commentId, body);
  }

  deleteComment(commentId: number): Promise<void> {
    return this.conversation.deleteComment(commentId);
  }

  react(commentId: number, reaction: Reaction): Promise<void> {
    return this.calls.run('react to a comment', 'pull-requests: write', async () => {
      await this.octokit.rest.reactions.createForIssueComment({
        ...this.repo,
        comment_id: commentId,
        content: reaction,
      });
    });
  }

  async permissionOf(username: string): Promise<string> {
    try {
      const { data } = await this.octokit.rest.repos.getCollaboratorPermissionLevel({
        ...this.repo,
        username,
      });
      // `permission` folds maintain into write and triage into read; `role_name` keeps them apart.
      return (data as { role_name?: string }).role_name || data.permission;
    } catch (error) {
      if (statusOf(error) === 404) return 'none';
      throw error;
    }
  }

  ensureLabel(name: string, color: string, description: string): Promise<void> {
    return this.calls.run('create a label', 'issues: write', async () => {
      try {
        await this.octokit.rest.issues.getLabel({ ...this.repo, name });
      } catch (error) {
        if (statusOf(error) !== 404) throw error;
        try {
          await this.octokit.rest.issues.createLabel({ ...this.repo, name, color, description });
        } catch (createError) {
          // Another run created it first.
          if (statusOf(createError) !== 422) throw createError;
        }
      }
    });
  }

  addLabels(prNumber: number, labels: string[]): Promise<void> {
    return this.calls.run('label the pull request', 'issues: write', async () => {
      await this.octokit.rest.issues.addLabels({ ...this.repo, issue_number: prNumber, labels });
    });
  }

  listReviewComments(prNumber: number): Promise<ReviewComment[]> {
    return this.conversation.listReviewComments(prNumber);
  }

  createReview(
    prNumber: number,
    commitSha: string,
    body: string,
    comments: InlineComment[],
    recognise: (comment: ReviewComment) => boolean,
  ): Promise<void> {
    return this.conversation.createReview(prNumber, commitSha, body, comments, recognise);
  }

  deleteReviewComment(commentId: number): Promise<void> {
    return this.conversation.deleteReviewComment(commentId);
  }
}
