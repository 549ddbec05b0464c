import { readFile, realpath } from 'node:fs/promises';
import path from 'node:path';
import type { DiscoveryWarning } from './project.js';
import { parseStructuredText, type StructuredFormat } from './parse-structured-text.js';
import { createConcurrencyLimit, type ConcurrencyLimit } from './concurrency-limit.js';

/** Files larger than this are not parsed: no manifest is that big, and parsing one would cost memory. */
const MAX_FILE_BYTES = 64 * 1024 * 1024;

/** Joins repository-relative paths with `/`, treating `.` as the root. */
export function joinRelative(dir: string, name: string): string {
  if (dir === '.' || dir === '') return name;
  return `${dir}/${name}`;
}

/** The repository-relative directory of a repository-relative file path (`.` at the root). */
export function dirnameRelative(file: string): string {
  const slash = file.lastIndexOf('/');
  return slash < 0 ? '.' : file.slice(0, slash);
}

/**
 * The files the walk kept (manifests, lockfiles, version files…) by directory, with
 * cached, concurrency-limited reads. Read and parse failures become warnings, never
 * exceptions: one broken manifest must not stop the discovery of the others.
 */
export class RepositoryIndex {
  readonly warnings: DiscoveryWarning[] = [];
  private readonly texts = new Map<string, Promise<string | undefined>>();
  private readonly parsed = new Map<string, Promise<unknown>>();
  private readonly limit: ConcurrencyLimit = createConcurrencyLimit(32);
  private testOwners: Set<string> | undefined;

  constructor(
    /** Absolute, symlink-free path of the repository root. */
    readonly root: string,
    private readonly filesByDir: ReadonlyMap<string, ReadonlySet<string>>,
    /** Source and test directories the walk saw (see `isMarkerDirectory`). */
    private readonly markerDirs: ReadonlySet<string> = new Set(),
  ) {}

  /** Whether the walk saw this source or test directory (`services/api/tests`, `src/test`). */
  hasDirectory(dir: string): boolean {
    return this.markerDirs.has(dir);
  }

  /** Whether `dir` has a tests folder of its own: `tests/`, `test/`, `spec/`, `__tests__/`, `src/test`, `src/jvmTest`. */
  hasTestFolder(dir: string): boolean {
    this.testOwners ??= testFolderOwners(this.markerDirs);
    return this.testOwners.has(dir);
  }

  /** Whether a JVM module in `dir` has Kotlin sources (`src/main/kotlin`, `src/commonMain/kotlin`). */
  hasKotlinSources(dir: string): boolean {
    return this.hasSourceSet(dir, ['kotlin']);
  }

  /** Whether a JVM module in `dir` has sources of its own (`src/<set>/java` or `src/<set>/kotlin`). */
  hasJvmSources(dir: string): boolean {
    return this.hasSourceSet(dir, ['kotlin', 'java']);
  }

  private hasSourceSet(dir: string, languages: readonly string[]): boolean {
    const prefix = `${joinRelative(dir, 'src')}/`;
    for (const marker of this.markerDirs)
      if (
        marker.startsWith(prefix) &&
        languages.some((language) => marker.endsWith(`/${language}`)) &&
        marker.split('/').length === prefix.split('/').length + 1
      )
        return true;
    return false;
  }

  /** Whether `dir` has a source folder of its own: `src/`, `lib/` or `app/`. */
  hasSourceFolder(dir: string): boolean {
    return ['src', 'lib', 'app'].some((name) => this.markerDirs.has(joinRelative(dir, name)));
  }

  /** Whether the walk kept this repository-relative file. */
  has(file: string): boolean {
    return this.filesByDir.get(dirnameRelative(file))?.has(file.slice(file.lastIndexOf('/') + 1)) ?? false;
  }

  /** Names of the kept files directly in `dir`. */
  filesIn(dir: string): string[] {
    return [...(this.filesByDir.get(dir) ?? [])].sort();
  }

  /** Every kept file, as repository-relative paths. */
  *allFiles(): Iterable<string> {
    for (const [dir, names] of this.filesByDir) for (const name of names) yield joinRelative(dir, name);
  }

  /** The nearest of `dir` and its ancestors (up to the root) that holds one of `names`: that file's path. */
  findUp(dir: string, names: readonly string[]): string | undefined {
    for (let current: string | undefined = dir; current !== undefined; current = parentOf(current)) {
      for (const name of names) {
        const candidate = joinRelative(current, name);
        if (this.has(candidate)) return candidate;
      }
    }
    return undefined;
  }

  /** Records a problem with a file for the user. */
  warn(file: string, message: string): void {
    this.warnings.push({ file, message });
  }

  /** The file's text, or undefined (with a warning) when it cannot be read. Cached. */
  readText(file: string): Promise<string | undefined> {
    let pending = this.texts.get(file);
    if (!pending) {
      pending = this.limit(() => this.load(file));
      this.texts.set(file, pending);
    }
    return pending;
  }

  /** The file parsed as `format`, or undefined (with a warning naming the line) when it is malformed. Cached. */
  readParsed(file: string, format: StructuredFormat): Promise<unknown> {
    let pending = this.parsed.get(file);
    if (!pending) {
      pending = this.readText(file).then((text) => {
        if (text === undefined) return undefined;
        const outcome = parseStructuredText(text, format);
        if (outcome.ok) return outcome.value;
        this.warn(file, outcome.message);
        return undefined;
      });
      this.parsed.set(file, pending);
    }
    return pending;
  }

  private async load(file: string): Promise<string | undefined> {
    const absolute = path.join(this.root, ...file.split('/'));
    try {
      // Files the walk did not keep (a `-r requirements/base.txt` include) may be symlinks out of the root.
      if (!this.has(file) && !isInside(this.root, await realpath(absolute))) {
        this.warn(file, 'not read: the path leads outside the repository');
        return undefined;
      }
      const content = await readFile(absolute);
      if (content.length > MAX_FILE_BYTES) {
        this.warn(file, `not read: ${content.length} bytes is larger than the ${MAX_FILE_BYTES} bytes limit`);
        return undefined;
      }
      return content.toString('utf8');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      this.warn(file, code === 'ENOENT' ? 'file not found' : `unreadable: ${describeError(error)}`);
      return undefined;
    }
  }
}

const TEST_FOLDERS = new Set(['test', 'tests', 'spec', '__tests__']);

/** The directories that own a tests folder: its parent, or for `src/test` and `src/jvmTest` the folder above `src`. */
function testFolderOwners(markerDirs: ReadonlySet<string>): Set<string> {
  const owners = new Set<string>();
  for (const dir of markerDirs) {
    const name = dir.slice(dir.lastIndexOf('/') + 1);
    const parent = dirnameRelative(dir);
    const parentName = parent.slice(parent.lastIndexOf('/') + 1);
    if (parentName === 'src' && isUnitTestSourceSet(name)) owners.add(dirnameRelative(parent));
    else if (TEST_FOLDERS.has(name)) owners.add(parent);
  }
  return owners;
}

/**
 * `src/test`, `src/jvmTest`, `src/commonTest`, `src/testDebug`; not Android's instrumented
 * `src/androidTest` (or `androidInstrumentedTest`), which need a device to run.
 */
function isUnitTestSourceSet(name: string): boolean {
  if (/^android(Instrumented|Device)?Test$/.test(name)) return false;
  return name === 'test' || /^test[A-Z]\w*$/.test(name) || /^[a-z]+Test$/.test(name);
}

function parentOf(dir: string): string | undefined {
  if (dir === '.' || dir === '') return undefined;
  return dirnameRelative(dir);
}

function isInside(root: string, target: string): boolean {
  return target === root || target.startsWith(root.endsWith(path.sep) ? root : root + path.sep);
}

function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
