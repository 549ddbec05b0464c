import os from 'node:os';
import { discoverProjects } from '../discovery/discover-projects.js';
import { readLocalConfigFile } from '../pipeline/read-local-config-file.js';
import { createRedactor } from '../redaction/redact-secrets.js';
import { renderTestsSection } from '../report/sections/tests-section.js';
import type { FailOn } from '../validation/decide-exit.js';
import { decideExit } from '../validation/decide-exit.js';
import { stopRunningCommands } from '../validation/run-shell-command.js';
import { validateProjects } from '../validation/validate-projects.js';
import { requireConfig, requireDirectory } from './check-arguments.js';
import { copyWorkingTree } from './copy-working-tree.js';
import { explainNoProjects } from './explain-no-projects.js';
import { cleanUpOnInterrupt } from './interrupt-cleanup.js';
import { createStderrLog, createStderrValidationLog } from './stderr-log.js';
import { UsageError } from './usage-error.js';

export interface ValidateCommandOptions {
  dir: string;
  project?: string;
  json: boolean;
  verbose: boolean;
  config?: string;
  failOn?: FailOn;
}

/**
 * `backend-developer validate [dir] [--project p] [--json]`: installs, tests and lints like the
 * action, in a temporary copy of the checkout so nothing is written into it.
 */
export async function runValidateCommand(options: ValidateCommandOptions): Promise<number> {
  const root = await requireDirectory(options.dir);
  const log = createStderrLog();
  const config = await readLocalConfigFile(root, await requireConfig(root, options.config), log);
  const discovery = await discoverProjects(root, { ignore: config.ignore, overrides: config.projects });
  if (discovery.projects.length === 0)
    throw new UsageError(await explainNoProjects(root, config.ignore), undefined, false);
  const wanted = options.project?.replace(/^\.\/+/, '').replace(/\/+$/, '') || undefined;
  const projects =
    wanted === undefined ? discovery.projects : discovery.projects.filter((p) => p.path === wanted);
  if (projects.length === 0)
    throw new UsageError(
      `no project at \`${wanted}\`; projects found: ${discovery.projects.map((p) => p.path).join(', ')}.`,
      'validate',
    );
  const copy = await copyWorkingTree(root);
  const forget = cleanUpOnInterrupt(() => {
    stopRunningCommands();
    return copy.release();
  });
  const ranIn = `a temporary copy of ${root} at ${copy.dir} (removed afterwards; your checkout is not modified)`;
  log.info(`Commands run in ${ranIn}.`);
  try {
    const summary = await validateProjects(projects, {
      root: copy.dir,
      parallel: config.validation.parallel ?? os.availableParallelism(),
      timeoutMs: (config.validation['timeout-minutes'] ?? 15) * 60_000,
      install: 'auto',
      redact: createRedactor({ env: process.env }),
      log: createStderrValidationLog({ verbose: options.verbose }),
      showsOutput: options.verbose,
      collectCoverage: config.coverage.collect,
    });
    process.stdout.write(
      options.json
        ? `${JSON.stringify({ ...summary, ranIn }, null, 2)}\n`
        : `${renderTestsSection(summary)}\n\nCommands ran in ${ranIn}.\n`,
    );
    const exit = decideExit(summary, options.failOn ?? 'test-failure', 0);
    if (exit.reason) log.info(exit.reason);
    return exit.fail ? 1 : 0;
  } finally {
    forget();
    await copy.release();
  }
}
