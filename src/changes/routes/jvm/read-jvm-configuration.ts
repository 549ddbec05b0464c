import { parseAllDocuments } from 'yaml';

/** A Spring Boot, Micronaut or Quarkus configuration: flat dotted keys to values. */
export type JvmConfiguration = ReadonlyMap<string, string>;

function readProperties(text: string, into: Map<string, string>): void {
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#') || line.startsWith('!')) continue;
    const match = /^([^=:\s]+)\s*[=:\s]\s*(.*)$/.exec(line);
    if (match?.[1] !== undefined) into.set(match[1], match[2] ?? '');
  }
}

function flatten(value: unknown, prefix: string, into: Map<string, string>): void {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    for (const [key, inner] of Object.entries(value as Record<string, unknown>))
      flatten(inner, prefix === '' ? key : `${prefix}.${key}`, into);
  } else if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
    into.set(prefix, String(value));
  }
}

/** The profiles a YAML document is limited to (`spring.config.activate.on-profile`, the older `spring.profiles`). */
function documentProfiles(keys: Map<string, string>): string[] | undefined {
  const profiles = keys.get('spring.config.activate.on-profile') ?? keys.get('spring.profiles');
  return profiles === undefined ? undefined : profiles.split(',').map((profile) => profile.trim());
}

/** The documents of a YAML file, each flattened, with the profiles it is limited to. */
function readYaml(text: string): { keys: Map<string, string>; profiles?: string[] }[] {
  try {
    return parseAllDocuments(text, { uniqueKeys: false }).flatMap((document) => {
      if (!('toJS' in document) || document.errors.length > 0) return [];
      const keys = new Map<string, string>();
      flatten(document.toJS({ maxAliasCount: 100 }), '', keys);
      const profiles = documentProfiles(keys);
      return [profiles ? { keys, profiles } : { keys }];
    });
  } catch {
    // A configuration that does not parse sets no prefix; the routes keep their own paths.
    return [];
  }
}

/** `${NAME:default}` placeholders: another key of the configuration, else the default; undefined when neither is known. */
export function resolvePlaceholders(
  value: string,
  keys: ReadonlyMap<string, string>,
  depth = 0,
): string | undefined {
  let unresolved = false;
  const resolved = value.replace(
    /\$\{([^}:]+)(?::([^}]*))?\}/g,
    (_whole, name: string, fallback?: string) => {
      const found = keys.get(name);
      const inner =
        found !== undefined && depth < 5 ? resolvePlaceholders(found, keys, depth + 1) : undefined;
      if (inner !== undefined) return inner;
      if (fallback !== undefined) return fallback;
      unresolved = true;
      return '';
    },
  );
  return unresolved ? undefined : resolved;
}

/**
 * The configuration a module runs with by default: `application.properties`, `.yml` and
 * `.yaml` in its resources folder, then the files and YAML documents of the profiles they
 * activate (`spring.profiles.active`), which override them. Placeholders are resolved to
 * their defaults.
 */
export function readJvmConfiguration(
  resources: string,
  read: (path: string) => string | undefined,
): JvmConfiguration {
  const keys = new Map<string, string>();
  const profileDocuments: { keys: Map<string, string>; profiles: string[] }[] = [];
  const load = (suffix: string, profile: string | undefined) => {
    const properties = read(`${resources}application${suffix}.properties`);
    if (properties !== undefined) readProperties(properties, keys);
    for (const extension of ['yml', 'yaml']) {
      const text = read(`${resources}application${suffix}.${extension}`);
      if (text === undefined) continue;
      for (const document of readYaml(text)) {
        if (document.profiles && profile === undefined)
          profileDocuments.push({ keys: document.keys, profiles: document.profiles });
        else for (const [key, value] of document.keys) keys.set(key, value);
      }
    }
  };
  load('', undefined);
  const active = resolvePlaceholders(keys.get('spring.profiles.active') ?? '', keys) ?? '';
  for (const profile of active
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name !== '')) {
    for (const document of profileDocuments)
      if (document.profiles.includes(profile)) for (const [key, value] of document.keys) keys.set(key, value);
    load(`-${profile}`, profile);
  }
  const resolved = new Map<string, string>();
  for (const [key, value] of keys) {
    const plain = resolvePlaceholders(value, keys);
    if (plain !== undefined) resolved.set(key, plain.trim());
  }
  return resolved;
}
