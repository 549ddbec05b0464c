import { discoverProjects } from '../discovery/discover-projects.js';
import { renderDiscoveryTable } from '../discovery/render-discovery-table.js';
import { readLocalConfig } from './read-local-config.js';

/** `backend-developer discover [dir] [--json]`. */
export async function runDiscoverCommand(root: string, options: { json: boolean; config?: string }): Promise<number> {
  const { config, errors } = await readLocalConfig(root, options.config);
  for (const e of errors) process.stderr.write(`warning: ${e}\n`);
  const result = await discoverProjects(root, { ignore: config.ignore, overrides: config.projects });
  process.stdout.write(options.json ? `${JSON.stringify(result, null, 2)}\n` : `${renderDiscoveryTable(result)}\n`);
  return 0;
}
