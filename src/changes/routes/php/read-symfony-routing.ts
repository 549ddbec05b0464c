import path from 'node:path';
import { isMap, isScalar, LineCounter, parseDocument } from 'yaml';
import { compactSignature, joinRoutePath } from '../route-entry.js';
import { servedPath } from './read-symfony-routes.js';

/** A folder (or file) of controllers imported with a prefix: every `#[Route]` under it starts with `prefix`. */
export interface ControllerImport {
  folder: string;
  prefix: string;
  /** `name_prefix`: routes imported twice under different name prefixes are two routes; under the same, the last import wins. */
  namePrefix: string;
}

/** A route a YAML file declares itself: `name: { path: /x, controller: App\Controller\X::y, methods: [GET] }`. */
export interface YamlRoute {
  file: string;
  line: number;
  path: string;
  methods: string[];
  handler?: string;
  signature: string;
}

/** What a Symfony project's route configuration says: the controllers it imports and its own routes by name. */
export interface SymfonyRouting {
  imports: ControllerImport[];
  /** A name declared again replaces the earlier route, as Symfony's route collection does. */
  routes: Map<string, YamlRoute>;
}

/** Imports of route files nest at most this deep; deeper is a cycle. */
const MAX_DEPTH = 6;
const YAML_FILE = /\.ya?ml$/;

interface Place {
  project: string;
  file: string;
  prefix: string;
  namePrefix: string;
  depth: number;
}

/** `App\Controller\OrderController::index` → `OrderController::index`, as attribute routes name their handler. */
function shortHandler(controller: unknown): string | undefined {
  if (typeof controller !== 'string') return undefined;
  const [owner = '', method] = controller.split('::');
  const name = owner.split('\\').pop() ?? owner;
  return method === undefined ? name : `${name}::${method}`;
}

function methodsOf(written: unknown): string[] {
  const list = Array.isArray(written) ? written : typeof written === 'string' ? written.split('|') : [];
  const methods = list.filter((item): item is string => typeof item === 'string').map((m) => m.toUpperCase());
  return methods.length > 0 ? methods : ['ANY'];
}

/** Where an import's `resource` points: a folder or file next to the configuration, `routing.controllers` (every controller of `src/`). */
function resourceOf(resource: unknown, place: Place): string | undefined {
  const written =
    typeof resource === 'object' && resource !== null ? (resource as Record<string, unknown>).path : resource;
  if (written === 'routing.controllers') return path.posix.join(place.project, 'src');
  if (typeof written !== 'string' || written.startsWith('@') || /[*%]/.test(written)) return undefined;
  return path.posix.normalize(path.posix.join(path.posix.dirname(place.file), written)).replace(/\/$/, '');
}

function readEntry(
  name: string,
  entry: Record<string, unknown>,
  line: number,
  place: Place,
  found: SymfonyRouting,
  read: (file: string) => string | undefined,
): void {
  const prefix = joinRoutePath(place.prefix, typeof entry.prefix === 'string' ? entry.prefix : '');
  const namePrefix = `${place.namePrefix}${typeof entry.name_prefix === 'string' ? entry.name_prefix : ''}`;
  const target = entry.resource === undefined ? undefined : resourceOf(entry.resource, place);
  if (target !== undefined && YAML_FILE.test(target) && (entry.type ?? 'yaml') === 'yaml') {
    readFile({ ...place, file: target, prefix, namePrefix, depth: place.depth + 1 }, found, read);
  } else if (
    target !== undefined &&
    (entry.type === 'attribute' || entry.type === 'annotation' || entry.resource === 'routing.controllers')
  ) {
    found.imports.push({ folder: target, prefix, namePrefix });
  } else if (typeof entry.path === 'string') {
    const handler = shortHandler(
      entry.controller ?? (entry.defaults as Record<string, unknown>)?._controller,
    );
    const { path: _path, ...rest } = entry;
    found.routes.delete(`${place.namePrefix}${name}`);
    found.routes.set(`${place.namePrefix}${name}`, {
      file: place.file,
      line,
      path: joinRoutePath(place.prefix, servedPath(entry.path)),
      methods: methodsOf(entry.methods),
      ...(handler !== undefined ? { handler } : {}),
      signature: compactSignature(`${name}:${JSON.stringify(rest)}`),
    });
  }
}

/** One route configuration file: its routes, and what it imports under which prefix. */
function readFile(place: Place, found: SymfonyRouting, read: (file: string) => string | undefined): void {
  const text = place.depth <= MAX_DEPTH ? read(place.file) : undefined;
  if (text === undefined) return;
  const lines = new LineCounter();
  const document = parseDocument(text, { lineCounter: lines });
  if (document.errors.length > 0 || !isMap(document.contents)) return;
  for (const pair of document.contents.items) {
    const name = isScalar(pair.key) ? String(pair.key.value) : undefined;
    // `when@dev:` routes exist in one environment only.
    if (name === undefined || name.startsWith('when@')) continue;
    const entry: unknown = (pair.value as { toJSON?: () => unknown } | null)?.toJSON?.();
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) continue;
    const line = lines.linePos(pair.key && isScalar(pair.key) ? (pair.key.range?.[0] ?? 0) : 0).line;
    readEntry(name, entry as Record<string, unknown>, line, place, found, read);
  }
}

/**
 * A Symfony project's route configuration as the kernel loads it: `config/routes/*.yaml`, then
 * `config/routes.yaml`, each with the files it imports, the controllers whose `#[Route]`
 * attributes it imports under a prefix (`prefix: /api`), and the routes it declares itself.
 * A file that cannot be parsed says nothing: attribute routes then keep their own paths.
 */
export function readSymfonyRouting(
  project: string,
  read: (file: string) => string | undefined,
  filesIn: (folder: string) => readonly string[] = () => [],
): SymfonyRouting {
  const found: SymfonyRouting = { imports: [], routes: new Map() };
  const folder = path.posix.join(project, 'config/routes');
  const files = [
    ...filesIn(folder)
      .filter((file) => YAML_FILE.test(file))
      .sort(),
  ];
  for (const name of ['config/routes/attributes.yaml', 'config/routes/annotations.yaml'])
    if (!files.includes(path.posix.join(project, name))) files.push(path.posix.join(project, name));
  files.push(path.posix.join(project, 'config/routes.yaml'));
  for (const file of files) readFile({ project, file, prefix: '', namePrefix: '', depth: 0 }, found, read);
  return found;
}

/**
 * The prefixes the imports give a controller file: of the imports that hold it, the last one
 * of each name prefix (a later import of the same routes replaces them); none when none holds it.
 */
export function symfonyPrefixesOf(file: string, imports: readonly ControllerImport[]): string[] {
  const byName = new Map<string, string>();
  for (const entry of imports)
    if (file === entry.folder || file.startsWith(`${entry.folder}/`))
      byName.set(entry.namePrefix, entry.prefix);
  return byName.size > 0 ? [...new Set(byName.values())] : [''];
}
