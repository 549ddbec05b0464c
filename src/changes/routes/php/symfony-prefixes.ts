import path from 'node:path';
import { parse as parseYaml } from 'yaml';

/** The route configuration files a Symfony app imports its controllers' attributes from, relative to the project. */
export const SYMFONY_ROUTE_CONFIGS = [
  'config/routes.yaml',
  'config/routes/attributes.yaml',
  'config/routes/annotations.yaml',
];

/** A folder of controllers imported with a prefix: every `#[Route]` under it starts with `prefix`. */
export interface ControllerImport {
  folder: string;
  prefix: string;
}

function importsOf(document: unknown, configFile: string): ControllerImport[] {
  if (typeof document !== 'object' || document === null) return [];
  const found: ControllerImport[] = [];
  for (const entry of Object.values(document as Record<string, unknown>)) {
    if (typeof entry !== 'object' || entry === null) continue;
    const { resource, type, prefix } = entry as Record<string, unknown>;
    if (type !== 'attribute' && type !== 'annotation') continue;
    // `resource: ../src/Controller/` or `resource: { path: ../src/Controller/, namespace: App\Controller }`.
    const written =
      typeof resource === 'string'
        ? resource
        : typeof resource === 'object' && resource !== null
          ? (resource as Record<string, unknown>).path
          : undefined;
    if (typeof written !== 'string' || written.startsWith('@')) continue;
    const folder = path.posix
      .normalize(path.posix.join(path.posix.dirname(configFile), written))
      .replace(/\/$/, '');
    found.push({ folder, prefix: typeof prefix === 'string' ? prefix : '' });
  }
  return found;
}

/**
 * Where a Symfony project imports its controllers' attribute routes from, with the prefix
 * each import adds (`prefix: /api` in `config/routes.yaml`). A file that cannot be parsed
 * imports nothing: the routes then keep the paths their attributes give.
 */
export function readControllerImports(
  project: string,
  read: (path: string) => string | undefined,
): ControllerImport[] {
  return SYMFONY_ROUTE_CONFIGS.flatMap((name) => {
    const file = path.posix.join(project, name);
    const text = read(file);
    if (text === undefined) return [];
    try {
      return importsOf(parseYaml(text), file);
    } catch {
      return [];
    }
  });
}

/** The prefixes the imports give a controller file: one per import whose folder holds it, or none. */
export function symfonyPrefixesOf(file: string, imports: readonly ControllerImport[]): string[] {
  const prefixes = imports
    .filter((entry) => file.startsWith(`${entry.folder}/`))
    .map((entry) => entry.prefix);
  return prefixes.length > 0 ? prefixes : [''];
}
