import type { ChangedFile } from '../code/diff/changed-file.js';
import { toPullRequestInfo } from '../event.js';
import type { GitHubClient } from './create-octokit.js';
import type { GitHubGateway, InlineComment, IssueComment, Reaction } from './gateway.js';
import { statusOf, toChangedFile, toComment, writing } from './octokit-responses.js';
import type { PullRequestInfo } from './pull-request.js';

/** GitHub's files endpoint returns at most this many files, 100 a page. */
const MAX_PR_FILES = 3000;

interface Repo {
  owner: string;
  repo: string;
}

/** The GitHub gateway over a configured Octokit client, for one repository. */
export class OctokitGateway implements GitHubGateway {
  constructor(
    private readonly octokit: GitHubClient,
    private readonly repo: Repo,
  ) {}

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

  async readFileAtRef(path: string, ref: string): Promise<string | undefined> {
    try {
      const { data } = await this.octokit.rest.repos.getContent({ ...this.repo, path, ref });
      if (Array.isArray(data) || data.type !== 'file' || !('content' in data)) return undefined;
      return Buffer.from(data.content, 'base64').toString('utf8');
    } catch (error) {
      if (statusOf(error) === 404) return undefined;
      throw error;
    }
  }

  async listComments(prNumber: number): Promise<IssueComment[]> {
    const raw = await this.octokit.paginate(this.octokit.rest.issues.listComments, {
      ...this.repo,
      issue_number: prNumber,
      per_page: 100,
    });
    return raw.map(toComment);
  }

  createComment(prNumber: number, body: string): Promise<IssueComment> {
    return writing('post a pull request comment', 'pull-requests: write', async () => {
      const { data } = await this.octokit.rest.issues.createComment({
        ...this.repo,
        issue_number: prNumber,
        body,
      });
      return toComment(data);
    });
  }

  updateComment(commentId: number, body: string): Promise<IssueComment> {
    return writing('edit a pull request comment', 'pull-requests: write', async () => {
      const { data } = await this.octokit.rest.issues.updateComment({
        ...this.repo,
        comment_id: commentId,
        body,
      });
      return toComment(data);
    });
  }

  react(commentId: number, reaction: Reaction): Promise<void> {
    return writing('react to a comment', 'pull-requests: write', async () => {
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
    return writing('create a label', 'issues: write', async () => {
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
    return writing('label the pull request', 'issues: write', async () => {
      await this.octokit.rest.issues.addLabels({ ...this.repo, issue_number: prNumber, labels });
    });
  }

  async listReviewCommentBodies(prNumber: number): Promise<string[]> {
    const raw = await this.octokit.paginate(this.octokit.rest.pulls.listReviewComments, {
      ...this.repo,
      pull_number: prNumber,
      per_page: 100,
    });
    return raw.map((c) => c.body);
  }

  createReview(prNumber: number, commitSha: string, body: string, comments: InlineComment[]): Promise<void> {
    return writing('post a pull request review', 'pull-requests: write', async () => {
      await this.octokit.rest.pulls.createReview({
        ...this.repo,
        pull_number: prNumber,
        commit_id: commitSha,
        event: 'COMMENT',
        body,
        comments: comments.map((c) => ({ path: c.path, line: c.line, side: 'RIGHT' as const, body: c.body })),
      });
    });
  }
}
