import { declared, type DeclaredDependency, type ManifestReader } from './manifest-reader.js';

// name[extras] spec ; markers   (PEP 508, as pip requirements files write it)
const REQUIREMENT = /^([A-Za-z0-9][A-Za-z0-9._-]*)\s*(?:\[[^\]]*\])?\s*((?:[<>=!~]=?|===)\s*[^;#\s][^;#]*)?/;

/** PEP 503 normalisation: `Django`, `django_` and `django.` name one project. */
export function normalizePythonName(name: string): string {
  return name.toLowerCase().replace(/[-_.]+/g, '-');
}

/** The version of a requirement: `2.31.0` for an exact `==` pin, else the specifier as written (`>=2.28,<3`). */
export function pythonVersion(specifier: string | undefined): string | null {
  if (!specifier) return null;
  const compact = specifier.replace(/\s+/g, '');
  const exact = /^===?([^,]+)$/.exec(compact);
  return exact?.[1] ?? compact;
}

/** Reads one PEP 508 requirement (`requests[socks]>=2.28 ; python_version >= "3.8"`). */
export function readRequirement(text: string, scope?: string): DeclaredDependency | undefined {
  const match = REQUIREMENT.exec(text.trim());
  if (!match?.[1]) return undefined;
  return declared(normalizePythonName(match[1]), pythonVersion(match[2]?.trim()), scope);
}

/** `requirements*.txt` / `requirements/*.txt` / `*.in`: one requirement a line; options, URLs and editable installs are not dependencies by name. */
export const requirementsTxt: ManifestReader = {
  matches: /(^|\/)(requirements[^/]*\.(txt|in)|requirements\/[^/]+\.(txt|in)|constraints[^/]*\.txt)$/,
  ecosystem: 'pip',
  lockfile: false,
  read(side) {
    const found: DeclaredDependency[] = [];
    for (const line of side.lines) {
      const text = line.text.replace(/\s+#.*$/, '').trim();
      if (
        text === '' ||
        text.startsWith('#') ||
        text.startsWith('-') ||
        /^\w+:\/\//.test(text) ||
        /^[\s\\]/.test(line.text)
      )
        continue;
      const requirement = readRequirement(text);
      if (requirement) found.push(requirement);
    }
    return found;
  },
};
