import type { PullRequestInfo } from '../github/pull-request.js';
import type { ActionEnvironment, HandlerOutcome } from './action-environment.js';
import { prepareAnalysis } from './prepare-analysis.js';

/**
 * `mode: discover`, the first job of a matrix workflow: discovery and change analysis only,
 * then `matrix` = the projects to validate, one validate job each.
 */
export async function runDiscoverMode(env: ActionEnvironment, pr: PullRequestInfo): Promise<HandlerOutcome> {
  const { report } = await prepareAnalysis(env, pr, { validateScope: 'none', reviews: [] });
  const scope = env.settings.validate;
  const projects =
    scope === 'none'
      ? []
      : scope === 'all'
        ? report.discovery.projects.map((p) => p.path)
        : report.affectedProjects;
  env.sink.setOutput('projects', JSON.stringify(report.discovery.projects));
  env.sink.setOutput('matrix', JSON.stringify({ project: projects }));
  env.sink.setOutput('report-type', report.type);
  env.log.info(`Matrix: ${projects.length ? projects.join(', ') : 'no project to validate'}.`);
  return { failed: false };
}
