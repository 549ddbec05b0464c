import type { SourcedValue } from './project.js';
import { dirnameRelative, joinRelative, type RepositoryIndex } from './repository-index.js';
import { pathOf, stringOf, stringsOf } from './untyped-value.js';

export type PinnedTool = 'node' | 'python' | 'go' | 'java' | 'ruby' | 'php' | 'elixir' | 'rust' | 'dotnet';

interface PinFiles {
  /** The tool's own files, in order of preference (`.nvmrc`, `.node-version`). */
  files: readonly string[];
  /** Its names in asdf/mise `.tool-versions`. */
  toolVersions: readonly string[];
  /** Its names in mise's `[tools]` table. */
  mise: readonly string[];
}

const PINS: Readonly<Record<PinnedTool, PinFiles>> = {
  node: { files: ['.nvmrc', '.node-version'], toolVersions: ['nodejs', 'node'], mise: ['node', 'nodejs'] },
  python: { files: ['.python-version', 'runtime.txt'], toolVersions: ['python'], mise: ['python'] },
  go: { files: ['.go-version'], toolVersions: ['golang', 'go'], mise: ['go', 'golang'] },
  java: { files: ['.java-version', '.sdkmanrc'], toolVersions: ['java'], mise: ['java'] },
  ruby: { files: ['.ruby-version'], toolVersions: ['ruby'], mise: ['ruby'] },
  php: { files: ['.php-version'], toolVersions: ['php'], mise: ['php'] },
  elixir: { files: ['.elixir-version'], toolVersions: ['elixir'], mise: ['elixir'] },
  rust: { files: ['rust-toolchain.toml', 'rust-toolchain'], toolVersions: ['rust'], mise: ['rust'] },
  dotnet: { files: ['global.json'], toolVersions: ['dotnet', 'dotnet-core'], mise: ['dotnet'] },
};

const MISE_FILES = ['.mise.toml', 'mise.toml'];

/** Every file name a version lookup may read; the walk keeps them. */
export const VERSION_FILE_NAMES = new Set([
  ...Object.values(PINS).flatMap((pin) => pin.files),
  '.tool-versions',
  ...MISE_FILES,
]);

/**
 * The version a tool is pinned to for `dir`: its own file (`.nvmrc`, `.python-version`,
 * `rust-toolchain.toml`, `global.json`…), `.tool-versions` or mise's `[tools]`, in `dir` or
 * the nearest ancestor that pins it (a root `.nvmrc` applies to every package below it).
 * Pins come before a manifest's constraints (`engines`, `requires-python`) and Dockerfile tags.
 */
export async function readPinnedVersion(
  index: RepositoryIndex,
  dir: string,
  tool: PinnedTool,
): Promise<SourcedValue | null> {
  const pin = PINS[tool];
  for (let current = dir; ; current = dirnameRelative(current)) {
    for (const name of pin.files) {
      const file = joinRelative(current, name);
      const value = index.has(file) ? pinOf(tool, await ownFileVersion(index, file, name)) : undefined;
      if (value) return { value, source: file };
    }
    const toolVersions = joinRelative(current, '.tool-versions');
    if (index.has(toolVersions)) {
      const value = pinOf(tool, toolVersionOf(await index.readText(toolVersions), pin.toolVersions));
      if (value) return { value, source: toolVersions };
    }
    for (const file of MISE_FILES.map((name) => joinRelative(current, name))) {
      const value = index.has(file)
        ? pinOf(tool, miseVersionOf(await index.readParsed(file, 'toml'), pin.mise))
        : undefined;
      if (value) return { value, source: file };
    }
    if (current === '.') return null;
  }
}

async function ownFileVersion(
  index: RepositoryIndex,
  file: string,
  name: string,
): Promise<string | undefined> {
  if (name === 'global.json') return stringOf(pathOf(await index.readParsed(file, 'json'), 'sdk', 'version'));
  const text = await index.readText(file);
  if (name === '.sdkmanrc') return /^\s*java\s*=\s*(\S+)\s*$/m.exec(text ?? '')?.[1];
  const first = firstValue(text);
  // rust-toolchain.toml, and a legacy rust-toolchain file written in the same TOML form.
  if (name === 'rust-toolchain.toml' || (name === 'rust-toolchain' && first?.startsWith('[')))
    return stringOf(pathOf(await index.readParsed(file, 'toml'), 'toolchain', 'channel'));
  return first;
}

function firstValue(text: string | undefined): string | undefined {
  for (const line of (text ?? '').split(/\r?\n/)) {
    const trimmed = line.replace(/#.*$/, '').trim();
    if (trimmed) return trimmed;
  }
  return undefined;
}

/**
 * The version a pin names, written as the language's own version: `v20.11.0` → `20.11.0`,
 * `ruby-3.2.2` and `python-3.11.4` (runtime.txt) → the number, a JDK distribution
 * (`temurin-21.0.2+13.0.LTS`, SDKMAN's `21.0.2-tem`) → `21.0.2`, Elixir's `1.16.2-otp-26` → `1.16.2`.
 * `system`, `latest` and mise's `ref:`/`path:` pin nothing: the lookup goes on.
 */
function pinOf(tool: PinnedTool, value: string | undefined): string | undefined {
  if (!value || /^(system|latest|ref:|path:|prefix:|sub-)/.test(value)) return undefined;
  const cleaned = value.replace(/^(ruby-|python-|v(?=\d))/, '');
  if (tool === 'java') return cleaned.replace(/^[a-z][a-z-]*?-(?=\d)/, '').replace(/[+-].*$/, '');
  if (tool === 'elixir') return cleaned.replace(/-otp-.*$/, '');
  return cleaned;
}

function toolVersionOf(text: string | undefined, names: readonly string[]): string | undefined {
  for (const line of (text ?? '').split(/\r?\n/)) {
    const [name, version] = line.replace(/#.*$/, '').trim().split(/\s+/);
    if (name && names.includes(name) && version) return version;
  }
  return undefined;
}

/** mise's `[tools]`: `node = "20.11.1"`, `node = ["20", "18"]` (the first is the default) or `{ version = "20" }`. */
function miseVersionOf(document: unknown, names: readonly string[]): string | undefined {
  for (const name of names) {
    const entry = pathOf(document, 'tools', name);
    const value = stringOf(entry) ?? stringsOf(entry)[0] ?? stringOf(pathOf(entry, 'version'));
    if (value) return value;
  }
  return undefined;
}
