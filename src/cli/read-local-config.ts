import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseConfig, type ConfigResult } from '../config/parse-config.js';

/** The config file of a local checkout (the CLI has no base branch to read it from). */
export async function readLocalConfig(root: string, configPath = '.github/backend-developer.yml'): Promise<ConfigResult> {
  const file = path.resolve(root, configPath);
  const text = await readFile(file, 'utf8').catch(() => undefined);
  return parseConfig(text, configPath);
}
