import os from 'node:os';
import { describeLocalChange } from '../git/describe-head.js';
import { diffAgainstBase, headCommit, resolveCommit } from '../git/local-git.js';
import { analysePullRequest } from '../pipeline/analyse-pull-request.js';
import { createRedactor } from '../redaction/redact-secrets.js';
import { renderReport } from '../report/render-report.js';
import type { ReportType } from '../report/report-input.js';
import { readLocalConfigFile } from '../pipeline/read-local-config-file.js';
import { createStderrLog } from './stderr-log.js';
import { UsageError } from './usage-error.js';
import { findDefaultBase } from './find-default-base.js';
import { decideExit } from '../validation/decide-exit.js';

export interface ReportCommandOptions {
  base?: string;
  head: string;
  type: 'auto' | ReportType;
  validate: boolean;
  json: boolean;
  verbose: boolean;
  config?: string;
}

/** `backend-developer report`: the PR report for a local checkout, from `git diff base...head`. */
export async function runReportCommand(root: string, options: ReportCommandOptions): Promise<number> {
  if ((await headCommit(root)) === undefined)
    throw new UsageError(
      `${root} is not a git checkout; \`report\` needs git history to diff against the base.`,
    );
  const base = options.base ?? (await findDefaultBase(root));
  for (const ref of [base, options.head]) {
    if (!(await resolveCommit(root, ref).catch(() => '')))
      throw new UsageError(`\`${ref}\` is not a commit in ${root}.`);
  }
  const log = createStderrLog({ verbose: options.verbose });
  const config = await readLocalConfigFile(root, options.config ?? '.github/backend-developer.yml', log);
  const files = await diffAgainstBase(root, base, options.head);
  const facts = await describeLocalChange(root, base, options.head);
  const { report } = await analysePullRequest({
    root,
    commit: { sha: await resolveCommit(root, options.head) },
    files,
    pullRequest: { title: facts.title, body: facts.body, labels: [], headBranch: facts.branch },
    config,
    reportType: options.type === 'auto' ? undefined : { value: options.type, source: 'the `--type` option' },
    validation: {
      scope: options.validate ? 'affected' : 'none',
      turnedOffBy: 'the `--no-validate` option',
      install: 'auto',
      timeoutMs: (config.validation['timeout-minutes'] ?? 15) * 60_000,
      parallel: config.validation.parallel ?? os.availableParallelism(),
    },
    redact: createRedactor({ env: process.env }),
    log,
    notes: [],
    date: new Date(),
    reviews: 'automatic',
  });
  process.stdout.write(options.json ? `${JSON.stringify(report, null, 2)}\n` : `${renderReport(report)}\n`);
  return decideExit(report.validation, 'test-failure', 0).fail ? 1 : 0;
}
