import { discoverProjects } from '../discovery/discover-projects.js';
import { renderDiscoveryTable } from '../discovery/render-discovery-table.js';
import { readLocalConfigFile } from '../pipeline/read-local-config-file.js';
import { createStderrLog } from './stderr-log.js';

/** `backend-developer discover [dir] [--json]`. */
export async function runDiscoverCommand(
  root: string,
  options: { json: boolean; config?: string },
): Promise<number> {
  const config = await readLocalConfigFile(
    root,
    options.config ?? '.github/backend-developer.yml',
    createStderrLog({ verbose: false }),
  );
  const result = await discoverProjects(root, { ignore: config.ignore, overrides: config.projects });
  process.stdout.write(
    options.json ? `${JSON.stringify(result, null, 2)}\n` : `${renderDiscoveryTable(result)}\n`,
  );
  return 0;
}
