import os from 'node:os';
import { describeLocalChange } from '../git/describe-head.js';
import { analysePullRequest } from '../pipeline/analyse-pull-request.js';
import { readLocalConfigFile } from '../pipeline/read-local-config-file.js';
import { createRedactor } from '../redaction/redact-secrets.js';
import { renderReport } from '../report/render-report.js';
import type { ReportType } from '../report/report-input.js';
import { decideExit, type FailOn } from '../validation/decide-exit.js';
import { stopRunningCommands } from '../validation/run-shell-command.js';
import { requireConfig, requireDirectory } from './check-arguments.js';
import { copyWorkingTree, type WorkingTreeCopy } from './copy-working-tree.js';
import { cleanUpOnInterrupt } from './interrupt-cleanup.js';
import { openLocalChange, type LocalChange } from './open-local-change.js';
import { createStderrLog, createStderrValidationLog } from './stderr-log.js';

export interface ReportCommandOptions {
  dir: string;
  base?: string;
  head?: string;
  type: 'auto' | ReportType;
  validate: boolean;
  json: boolean;
  verbose: boolean;
  config?: string;
  failOn?: FailOn;
}

/**
 * `backend-developer report`: the PR report for `git diff base...head` of a local checkout.
 * Discovery, validation and reviews read the head commit: the checkout itself when it is at
 * `--head`, else a temporary worktree. Commands never run in the user's checkout.
 */
export async function runReportCommand(options: ReportCommandOptions): Promise<number> {
  const root = await requireDirectory(options.dir);
  const configPath = await requireConfig(root, options.config);
  const change = await openLocalChange(root, 'report', options);
  const log = createStderrLog();
  let copy: WorkingTreeCopy | undefined;
  const forget = cleanUpOnInterrupt(async () => {
    stopRunningCommands();
    await copy?.release();
    await change.workspace.release();
  });
  try {
    if (change.workspace.temporary)
      log.info(
        `Checked out ${options.head} (${change.headSha.slice(0, 7)}) in a temporary worktree at ${change.workspace.root}; your checkout is not modified.`,
      );
    const config = await readLocalConfigFile(root, configPath, log);
    const notes: string[] = [];
    const runIn = async (): Promise<string> => {
      if (change.workspace.temporary) {
        notes.push(
          `Commands ran in a temporary worktree of \`${change.head}\` (${change.headSha.slice(0, 7)}), removed afterwards.`,
        );
        return change.workspace.root;
      }
      copy = await copyWorkingTree(change.workspace.root);
      log.info(`Commands run in a temporary copy of ${root} at ${copy.dir}; your checkout is not modified.`);
      notes.push('Commands ran in a temporary copy of the checkout, removed afterwards.');
      return copy.dir;
    };
    const { report } = await analysePullRequest(
      await request(change, options, { config, log, notes, runIn }),
    );
    process.stdout.write(options.json ? `${JSON.stringify(report, null, 2)}\n` : `${renderReport(report)}\n`);
    const high = report.findings.filter((finding) => finding.severity === 'high').length;
    const exit = decideExit(report.validation, options.failOn ?? 'test-failure', high);
    if (exit.reason) log.info(exit.reason);
    return exit.fail ? 1 : 0;
  } finally {
    forget();
    await copy?.release();
    await change.workspace.release();
  }
}

async function request(
  change: LocalChange,
  options: ReportCommandOptions,
  parts: Pick<Parameters<typeof analysePullRequest>[0], 'config' | 'log' | 'notes'> & {
    runIn: () => Promise<string>;
  },
): Promise<Parameters<typeof analysePullRequest>[0]> {
  const facts = await describeLocalChange(change.root, change.baseSha, change.head);
  const { config } = parts;
  return {
    ...parts,
    root: change.workspace.root,
    commit: { sha: change.headSha },
    files: change.files,
    pullRequest: {
      title: facts.title,
      body: facts.body,
      labels: [],
      headBranch: facts.branch,
      ...(facts.author ? { author: facts.author } : {}),
    },
    reportType: options.type === 'auto' ? undefined : { value: options.type, source: 'the `--type` option' },
    validation: {
      scope: options.validate ? 'affected' : 'none',
      turnedOffBy: 'the `--no-validate` option',
      install: 'auto',
      timeoutMs: (config.validation['timeout-minutes'] ?? 15) * 60_000,
      parallel: config.validation.parallel ?? os.availableParallelism(),
      runIn: parts.runIn,
      log: createStderrValidationLog({ verbose: options.verbose }),
      showsOutput: options.verbose,
    },
    redact: createRedactor({ env: process.env }),
    date: new Date(),
    reviews: 'automatic',
  };
}
