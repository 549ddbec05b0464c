import { discoverProjects } from '../discovery/discover-projects.js';
import { renderDiscoveryTable } from '../discovery/render-discovery-table.js';
import { readLocalConfigFile } from '../pipeline/read-local-config-file.js';
import { requireConfig, requireDirectory } from './check-arguments.js';
import { explainNoProjects } from './explain-no-projects.js';
import { createStderrLog } from './stderr-log.js';

/** `backend-developer discover [dir] [--json]`: reads only, so it runs in the directory itself. */
export async function runDiscoverCommand(options: {
  dir: string;
  json: boolean;
  config?: string;
}): Promise<number> {
  const root = await requireDirectory(options.dir);
  const log = createStderrLog();
  const config = await readLocalConfigFile(root, await requireConfig(root, options.config), log);
  const result = await discoverProjects(root, { ignore: config.ignore, overrides: config.projects });
  for (const warning of result.warnings) log.warning(warning.message, { file: warning.file });
  if (options.json) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  else if (result.projects.length > 0)
    process.stdout.write(`${renderDiscoveryTable({ ...result, warnings: [] })}\n`);
  if (result.projects.length === 0) {
    const explanation = await explainNoProjects(root, config.ignore);
    // In text mode the explanation is the output; with --json stdout stays the JSON alone.
    if (options.json) process.stderr.write(`${explanation}\n`);
    else process.stdout.write(`${explanation}\n`);
  }
  return 0;
}
