import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseConfig, type Config } from '../config/parse-config.js';
import type { RunLog } from './run-log.js';

/**
 * The config file of the checkout itself. Used where there is no pull request to read the
 * base branch's copy from (a matrix validate job, the CLI).
 */
export async function readLocalConfigFile(root: string, configPath: string, log: RunLog): Promise<Config> {
  const text = await readFile(path.resolve(root, configPath), 'utf8').catch(() => undefined);
  const { config, errors } = parseConfig(text, configPath);
  for (const e of errors) log.warning(e);
  return config;
}
