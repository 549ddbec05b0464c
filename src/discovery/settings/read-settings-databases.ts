import { readStringLiterals } from '../../code/syntax/read-string-literals.js';
import type { RepositoryIndex } from '../repository-index.js';
import { listOf, pathOf, recordOf, stringMapOf, stringOf } from '../untyped-value.js';
import { databaseOfDriver, databaseOfSetting, databaseOfUrl } from './database-of-setting.js';

/** The kinds of configuration file that name a project's data stores by default. */
export type SettingsKind = 'dotenv' | 'phpunit' | 'rails' | 'spring' | 'python';

const PYTHON_SETTINGS_NAMES = new Set(['settings', 'config', 'database', 'databases', 'db']);
const TEST_SEGMENT = /(^|\/)(tests?|spec|src\/test)(\/|$)/;

/**
 * The kind of settings file `name` in repository-relative `dir` is, if any:
 * - `.env`, `.env.example`, `.env.dist`, `.env.testing`… (dotenv files),
 * - `phpunit.xml`, `phpunit.xml.dist`, `phpunit.dist.xml`,
 * - Rails' `config/database.yml`,
 * - Spring's `application.properties`, `application.yml` and profiles (`application-prod.yml`),
 * - Python settings modules: `settings.py`, `config.py`, `database.py`, `db.py`, or any module
 *   of a `settings/`, `config/`, `database/` or `db/` package (Django's split settings).
 * Spring and Python files under test folders configure the tests' own stand-ins (an in-memory
 * H2, a SQLite test database), not the project: they are left out. phpunit and `.env.testing`
 * name what the test suite itself needs, which validation has to provide.
 */
export function settingsKindOf(name: string, dir: string): SettingsKind | undefined {
  if (/^\.env(\.[\w.-]+)?$/.test(name)) return 'dotenv';
  if (/^phpunit(\.dist)?\.xml(\.dist)?$/.test(name)) return 'phpunit';
  if (name === 'database.yml' && lastSegment(dir) === 'config') return 'rails';
  if (TEST_SEGMENT.test(dir)) return undefined;
  if (/^application(-[\w-]+)?\.(properties|ya?ml)$/.test(name)) return 'spring';
  if (name.endsWith('.py') && isPythonSettings(name, dir)) return 'python';
  return undefined;
}

function isPythonSettings(name: string, dir: string): boolean {
  // Django's split settings keep the test stand-ins in `settings/test.py`, `settings/testing.py`.
  if (name.startsWith('test')) return false;
  return PYTHON_SETTINGS_NAMES.has(name.slice(0, -3)) || PYTHON_SETTINGS_NAMES.has(lastSegment(dir));
}

function lastSegment(dir: string): string {
  return dir.slice(dir.lastIndexOf('/') + 1);
}

/** The data stores a settings file names by default; a malformed file gives a warning and none. */
export async function readSettingsDatabases(
  index: RepositoryIndex,
  file: string,
  kind: SettingsKind,
): Promise<string[]> {
  switch (kind) {
    case 'dotenv':
      return storesOf(stringMapOf(await index.readParsed(file, 'dotenv')));
    case 'phpunit':
      return storesOf(phpunitVariables(await index.readParsed(file, 'xml')));
    case 'rails':
      return railsAdapters((await index.readText(file)) ?? '');
    case 'spring':
      return springStores(await readSpringProperties(index, file));
    case 'python':
      return pythonStores(file, (await index.readText(file)) ?? '');
  }
}

function storesOf(settings: ReadonlyMap<string, string>): string[] {
  return [...settings].flatMap(([key, value]) => databaseOfSetting(key, value) ?? []);
}

/** `<php><env name="DB_CONNECTION" value="sqlite"/><server name="…" value="…"/></php>`. */
function phpunitVariables(document: unknown): Map<string, string> {
  const php = pathOf(document, 'phpunit', 'php');
  const settings = new Map<string, string>();
  for (const element of ['env', 'server', 'var', 'const']) {
    for (const entry of listOf(pathOf(php, element))) {
      const name = stringOf(pathOf(entry, '@_name'));
      const value = stringOf(pathOf(entry, '@_value'));
      if (name && value !== undefined) settings.set(name, value);
    }
  }
  return settings;
}

/**
 * `adapter:` lines and connection URLs of `config/database.yml`. Read line by line: the file
 * is an ERB template (`<% if … %>` blocks, `<%= ENV.fetch(…) %>`) that is often not YAML
 * until Rails renders it, and these two keys never span lines.
 */
function railsAdapters(text: string): string[] {
  const stores: string[] = [];
  for (const line of text.split(/\r?\n/)) {
    if (/^\s*#/.test(line)) continue;
    const adapter = /^\s*adapter:\s*["']?([\w-]+)/.exec(line)?.[1];
    const store = adapter ? databaseOfDriver(adapter) : undefined;
    if (store) stores.push(store);
    for (const url of line.matchAll(/["']?([a-z][\w+]*:\/\/[^\s"'}]*)/gi))
      stores.push(...[databaseOfUrl(url[1] ?? '') ?? []].flat());
  }
  return stores;
}

/** Spring properties as flat `spring.datasource.url` keys, from a `.properties` file or every YAML document. */
async function readSpringProperties(index: RepositoryIndex, file: string): Promise<Map<string, string>> {
  if (file.endsWith('.properties')) return stringMapOf(await index.readParsed(file, 'properties'));
  const settings = new Map<string, string>();
  for (const document of listOf(await index.readParsed(file, 'yaml-documents')))
    flattenInto(settings, '', document);
  return settings;
}

function flattenInto(settings: Map<string, string>, prefix: string, value: unknown): void {
  const record = recordOf(value);
  if (record) {
    for (const [key, child] of Object.entries(record))
      flattenInto(settings, prefix ? `${prefix}.${key}` : key, child);
  } else if (typeof value === 'string' || typeof value === 'number') settings.set(prefix, String(value));
}

// Spring Boot's own keys for stores that need no URL: `spring.data.redis.host`, `spring.rabbitmq.host`…
const SPRING_STORE_KEYS: ReadonlyArray<readonly [RegExp, string]> = [
  [/^spring\.data\.mongodb\./, 'mongodb'],
  [/^spring\.(data\.)?redis\./, 'redis'],
  [/^spring\.rabbitmq\./, 'rabbitmq'],
  [/^spring\.kafka\.bootstrap-servers$/, 'kafka'],
  [/^spring\.(data\.)?cassandra\./, 'cassandra'],
  [/^spring\.elasticsearch\.uris$/, 'elasticsearch'],
];

function springStores(settings: ReadonlyMap<string, string>): string[] {
  return [...settings].flatMap(([key, value]) => {
    const byKey = SPRING_STORE_KEYS.find(([pattern]) => pattern.test(key))?.[1];
    return byKey ?? databaseOfSetting(key, value) ?? [];
  });
}

/** Django `ENGINE`s (`django.db.backends.postgresql`) and connection URLs among a module's string literals. */
async function pythonStores(file: string, text: string): Promise<string[]> {
  const literals = await readStringLiterals(file, text);
  return literals.flatMap((literal) => {
    const engine = /^django(?:\.contrib\.gis)?\.db\.backends\.(\w+)$/.exec(literal)?.[1];
    return (engine ? databaseOfDriver(engine) : databaseOfUrl(literal)) ?? [];
  });
}
