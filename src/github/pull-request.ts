/** The facts about a pull request that the pipeline uses, whatever the source (event payload or API). */
export interface PullRequestInfo {
  number: number;
  title: string;
  body: string;
  draft: boolean;
  state: string;
  headSha: string;
  headRef: string;
  baseSha: string;
  baseRef: string;
  labels: string[];
  author: string;
  htmlUrl: string;
  /** `owner/name` of the repository the head lives in; null when GitHub no longer knows it (a deleted fork). */
  headRepository: string | null;
  /**
   * True when the head does not live in the base repository (or its repository is gone): the workflow
   * token is then read-only on `pull_request`, and its code is a stranger's.
   */
  fromFork: boolean;
  /** When GitHub last saw the PR change (`updated_at`, ISO 8601): orders runs that saw different heads. */
  updatedAt?: string;
}
