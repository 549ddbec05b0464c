import type { Settings } from '../settings.js';
import type { RunLog } from './run-log.js';
import type { GitHubGateway } from '../github/gateway.js';
import type { ReviewModel } from '../llm/review-model.js';
import type { DependencyGraph } from '../handoffs/dependency-review/dependency-graph.js';

/** Facts about the workflow run, read from the runner's environment by main. */
export interface RunContext {
  eventName: string;
  /** GITHUB_SHA: on `pull_request`, the merge commit actions/checkout checks out. */
  sha: string;
  runUrl: string;
  /** GITHUB_SERVER_URL (`https://github.com`, or a GitHub Enterprise Server). */
  serverUrl: string;
  workspace: string;
  tempDir: string;
  now: Date;
}

/** Where results go besides GitHub: the job summary, the report file and the step outputs. */
export interface ResultSink {
  /** Replaces what this step wrote to the job summary before. */
  writeSummary(markdown: string): Promise<void>;
  /** Writes the Markdown report file and returns its path. */
  writeReportFile(markdown: string): Promise<string>;
  setOutput(name: string, value: string): void;
}

/** Everything a handler needs, built once by main. Handlers never build clients. */
export interface ActionEnvironment {
  settings: Settings;
  gateway: GitHubGateway;
  /** GitHub's dependency graph, for the dependency review. */
  dependencyGraph?: DependencyGraph;
  log: RunLog;
  sink: ResultSink;
  run: RunContext;
  redact: (text: string) => string;
  /** The optional model, built only when a key was given. */
  reviewModel?: ReviewModel;
}

/** What a handler tells main: whether the step fails, and why. */
export interface HandlerOutcome {
  failed: boolean;
  reason?: string;
}
