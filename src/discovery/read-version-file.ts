import type { SourcedValue } from './project.js';
import { dirnameRelative, joinRelative, type RepositoryIndex } from './repository-index.js';

/** The files that pin a language version, nearest directory first. */
export interface VersionFileSpec {
  /** Single-value files in order of preference (`.nvmrc`, `.node-version`). */
  files: readonly string[];
  /** The tool's name in asdf/mise `.tool-versions` (`nodejs`, `python`). */
  toolVersionsName?: string;
}

/** Every file name a version lookup may read; the walk keeps them. */
export const VERSION_FILE_NAMES = new Set([
  '.nvmrc',
  '.node-version',
  '.python-version',
  '.ruby-version',
  '.java-version',
  '.php-version',
  '.tool-versions',
  '.sdkmanrc',
  'runtime.txt',
]);

/**
 * The version pinned for a language in `dir` or the nearest ancestor that pins one
 * (a root `.nvmrc` applies to every package below it), with the file it came from.
 */
export async function readVersionFile(
  index: RepositoryIndex,
  dir: string,
  spec: VersionFileSpec,
): Promise<SourcedValue | null> {
  for (let current = dir; ; current = dirnameRelative(current)) {
    for (const name of spec.files) {
      const file = joinRelative(current, name);
      if (!index.has(file)) continue;
      const value = firstValue(await index.readText(file));
      if (value) return { value: cleanVersion(value), source: file };
    }
    const toolVersions = joinRelative(current, '.tool-versions');
    if (spec.toolVersionsName && index.has(toolVersions)) {
      const value = toolVersionOf(await index.readText(toolVersions), spec.toolVersionsName);
      if (value) return { value, source: toolVersions };
    }
    if (current === '.') return null;
  }
}

function firstValue(text: string | undefined): string | undefined {
  for (const line of (text ?? '').split(/\r?\n/)) {
    const trimmed = line.replace(/#.*$/, '').trim();
    if (trimmed) return trimmed;
  }
  return undefined;
}

/** `v20.11.0` → `20.11.0`, `ruby-3.2.2` → `3.2.2`, `python-3.11.4` (runtime.txt) → `3.11.4`. */
function cleanVersion(value: string): string {
  return value.replace(/^(ruby-|python-|v(?=\d))/, '');
}

function toolVersionOf(text: string | undefined, tool: string): string | undefined {
  for (const line of (text ?? '').split(/\r?\n/)) {
    const [name, version] = line.replace(/#.*$/, '').trim().split(/\s+/);
    if (name === tool && version) return version;
  }
  return undefined;
}
