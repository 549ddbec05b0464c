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
  /** True when the head lives in another repository: the workflow token is then read-only. */
  fromFork: boolean;
}
