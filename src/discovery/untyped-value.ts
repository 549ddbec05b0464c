/**
 * Narrow values read from parsed manifests, whose shape nobody guarantees. Each reader
 * returns a typed value or an empty one, so a manifest with an unexpected shape yields
 * less information instead of an exception.
 */
export type UnknownRecord = Record<string, unknown>;

/** The value as a plain object, or undefined. */
export function recordOf(value: unknown): UnknownRecord | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as UnknownRecord)
    : undefined;
}

/** The value as a string (numbers are written out, as TOML/YAML may read `3.12` as a number). */
export function stringOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  return undefined;
}

/** The value as a list; a single value becomes a list of one (XML parsers fold lists of one). */
export function listOf(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

/** The strings among the value's list items. */
export function stringsOf(value: unknown): string[] {
  return listOf(value).flatMap((item) => {
    const text = stringOf(item);
    return text === undefined ? [] : [text];
  });
}

/** Follows a path of keys through nested objects. */
export function pathOf(value: unknown, ...keys: string[]): unknown {
  let current = value;
  for (const key of keys) current = recordOf(current)?.[key];
  return current;
}

/** A `{name: string}` map (npm dependencies, composer require) with its non-string values left out. */
export function stringMapOf(value: unknown): Map<string, string> {
  const map = new Map<string, string>();
  for (const [key, entry] of Object.entries(recordOf(value) ?? {})) {
    const text = stringOf(entry);
    if (text !== undefined) map.set(key, text);
  }
  return map;
}
