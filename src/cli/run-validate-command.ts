import os from 'node:os';
import { discoverProjects } from '../discovery/discover-projects.js';
import { readLocalConfigFile } from '../pipeline/read-local-config-file.js';
import { createRedactor } from '../redaction/redact-secrets.js';
import { renderTestsSection } from '../report/sections/tests-section.js';
import { decideExit } from '../validation/decide-exit.js';
import { validateProjects } from '../validation/validate-projects.js';
import { createStderrLog } from './stderr-log.js';
import { UsageError } from './usage-error.js';

/** `backend-developer validate [dir] [--project p] [--json]`: installs, tests and lints, like the action. */
export async function runValidateCommand(
  root: string,
  options: { project?: string; json: boolean; verbose: boolean; config?: string },
): Promise<number> {
  const log = createStderrLog({ verbose: options.verbose });
  const config = await readLocalConfigFile(root, options.config ?? '.github/backend-developer.yml', log);
  const discovery = await discoverProjects(root, { ignore: config.ignore, overrides: config.projects });
  const wanted = options.project?.replace(/^\.\/+/, '').replace(/\/+$/, '') || undefined;
  const projects =
    wanted === undefined ? discovery.projects : discovery.projects.filter((p) => p.path === wanted);
  if (wanted !== undefined && projects.length === 0) {
    throw new UsageError(
      `No project at \`${wanted}\`. Projects found: ${discovery.projects.map((p) => p.path).join(', ') || 'none'}.`,
    );
  }
  const summary = await validateProjects(projects, {
    root,
    parallel: config.validation.parallel ?? os.availableParallelism(),
    timeoutMs: (config.validation['timeout-minutes'] ?? 15) * 60_000,
    install: 'auto',
    redact: createRedactor({ env: process.env }),
    log: {
      startGroup: (t) => log.startGroup(t),
      endGroup: () => log.endGroup(),
      write: (t) => log.info(t.replace(/\n$/, '')),
    },
  });
  process.stdout.write(
    options.json
      ? `${JSON.stringify(summary, null, 2)}\n`
      : `${renderTestsSection(summary, 'no project found')}\n`,
  );
  return decideExit(summary, 'test-failure', 0).fail ? 1 : 0;
}
