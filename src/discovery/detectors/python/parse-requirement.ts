/** One PEP 508 requirement: `celery[redis]>=5.3 ; python_version >= "3.8"`. */
export interface PythonRequirement {
  /** Normalised (PEP 503): lowercase, runs of `-_.` as `-`. */
  name: string;
  extras: string[];
  /** The version specifier (`>=5.3`), or null for none or a direct URL. */
  constraint: string | null;
}

/** PEP 503 name normalisation, so `Django_REST.framework` and `django-rest-framework` compare equal. */
export function normalisePythonName(name: string): string {
  return name.toLowerCase().replace(/[-_.]+/g, '-');
}

/**
 * Parses a PEP 508 requirement string; undefined for anything that is not one.
 * The grammar is small and regular; the maintained parsers are Python packages.
 */
export function parseRequirement(text: string): PythonRequirement | undefined {
  const match = /^\s*([A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)\s*(?:\[([^\]]*)\])?\s*(.*)$/.exec(text);
  if (!match?.[1]) return undefined;
  const rest = (match[3] ?? '').split(';')[0]?.trim() ?? '';
  const extras = (match[2] ?? '')
    .split(',')
    .map((extra) => extra.trim())
    .filter(Boolean);
  const constraint =
    rest.startsWith('@') || rest === '' ? null : rest.replace(/^\((.*)\)$/, '$1').replace(/\s+/g, '');
  return { name: normalisePythonName(match[1]), extras, constraint };
}

/** The version an `==1.2.3` (or `===`) pin names, else null. */
export function pinnedVersion(constraint: string | null): string | null {
  const pinned = /^===?([^,*]+)$/.exec(constraint ?? '');
  return pinned?.[1] ?? null;
}
