import { discoverProjects } from '../discovery/discover-projects.js';
import { changedLinesOf } from '../validation/coverage/changed-lines.js';
import { validateProjects } from '../validation/validate-projects.js';
import type { CommandResult, ProjectValidation } from '../validation/validation-result.js';
import { decideCodeExecution } from '../policy/decide-code-execution.js';
import { withCheckoutCredentialsWithheld } from '../git/withhold-checkout-credentials.js';
import type { ValidationResultStore } from '../artifacts/validation-result-store.js';
import type { ActionEnvironment, HandlerOutcome } from './action-environment.js';
import { readLocalConfigFile } from './read-local-config-file.js';
import { readConfig } from './read-config.js';
import type { PullRequestInfo } from '../github/pull-request.js';

function normalize(path: string): string {
  const trimmed = path
    .replace(/\\/g, '/')
    .replace(/^\.\/+/, '')
    .replace(/\/+$/, '');
  return trimmed === '' ? '.' : trimmed;
}

function skippedTests(reason: string): CommandResult {
  return { kind: 'test', run: '', outcome: 'skipped', exitCode: null, durationMs: 0, reason, outputTail: '' };
}

/**
 * `mode: validate`, one job of the matrix: validates the one `project` in this checkout and
 * stores the result as a workflow artifact for the report job.
 */
export async function runValidateMode(
  env: ActionEnvironment,
  store: ValidationResultStore,
  projectPath: string,
  pr?: PullRequestInfo,
): Promise<HandlerOutcome> {
  const { settings, log } = env;
  // With a pull request, the rules come from its base branch, as in every other mode.
  const config = pr
    ? (await readConfig(env, pr)).config
    : await readLocalConfigFile(settings.workingDirectory, settings.configPath, log);
  const discovery = await discoverProjects(settings.workingDirectory, {
    ignore: config.ignore,
    overrides: config.projects,
  });
  const wanted = normalize(projectPath);
  const project = discovery.projects.find((p) => p.path === wanted);
  // On a dispatch run, a fork's code runs only when the base branch's config says so.
  const execution = pr
    ? decideCodeExecution({
        eventName: env.run.eventName,
        pullRequest: pr,
        runForkCode: config.commands['run-fork-code'],
      })
    : ({ allowed: true } as const);
  let result: ProjectValidation;
  if (!execution.allowed) {
    log.notice(`Validation of \`${wanted}\` did not run: ${execution.reason}.`);
    result = { project: wanted, outcome: 'skipped', commands: [skippedTests(execution.reason)] };
  } else if (!project) {
    const known = discovery.projects.map((p) => `\`${p.path}\``).join(', ') || 'none';
    log.error(
      `Input \`project\` is \`${projectPath}\`, but no project was found there. Projects found: ${known}.`,
    );
    result = { project: wanted, outcome: 'failed', commands: [] };
  } else {
    // The changed lines, so the report job can tell how well the tests cover them.
    const changedLines = pr ? changedLinesOf(await env.gateway.listChangedFiles(pr.number)) : undefined;
    const summary = await withCheckoutCredentialsWithheld([settings.workingDirectory], log, () =>
      validateProjects([project], {
        root: settings.workingDirectory,
        parallel: 1,
        timeoutMs: (config.validation['timeout-minutes'] ?? settings.timeoutMinutes) * 60_000,
        install: settings.install,
        tempDir: env.run.tempDir,
        collectCoverage: config.coverage.collect,
        ...(changedLines ? { changedLines } : {}),
        redact: env.redact,
        log: {
          startGroup: (t) => log.startGroup(t),
          endGroup: () => log.endGroup(),
          write: (t) => log.info(t.replace(/\n$/, '')),
        },
      }),
    );
    result = summary.projects[0] ?? { project: wanted, outcome: 'skipped', commands: [] };
  }
  await store.save(result);
  // The output keeps its three values: no test ran is not a pass.
  env.sink.setOutput('validation', result.outcome === 'no-tests' ? 'skipped' : result.outcome);
  // The report job decides the workflow's outcome; this job fails only on what fail-on says.
  const failed = result.outcome === 'failed' && settings.failOn !== 'never';
  return failed
    ? { failed: true, reason: `Validation of \`${wanted}\` failed: the report job has the details.` }
    : { failed: false };
}
