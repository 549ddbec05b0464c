import path from 'node:path';
import type { CommandSet } from '../../detector.js';
import { dirnameRelative, joinRelative, type RepositoryIndex } from '../../repository-index.js';
import { jvmLintCommand } from './assemble-jvm-findings.js';
import { jvmLintPlugins } from './jvm-catalog.js';
import type { GradleBuild } from './read-gradle-build.js';

/** A build script and what it declares. */
export interface BuildScript {
  file: string;
  build: GradleBuild;
}

/** The wrapper from the build's root, as a path from the project's folder (`../gradlew`), or plain gradle. */
export function gradleCommand(dir: string, root: string, wrapper: string | undefined): string {
  if (wrapper === undefined) return 'gradle';
  const relative = path.posix.relative(
    dir === '.' ? '' : dir,
    dirnameRelative(wrapper) === '.' ? '' : dirnameRelative(wrapper),
  );
  return relative === '' ? './gradlew' : `${relative}/gradlew`;
}

/** A subproject's tasks by their path from the root (`:app:shared:`), so the command tests only it. */
export function taskPrefix(dir: string, workspace: string | undefined): string {
  if (workspace === undefined) return '';
  const local = workspace === '.' ? dir : dir.slice(workspace.length + 1);
  return `:${local.replace(/\//g, ':')}:`;
}

/** Kotlin Multiplatform has no `test` task: `jvmTest` when there is a JVM target's tests, else `allTests`. */
export function testTask(
  index: RepositoryIndex,
  dir: string,
  plugins: ReadonlyArray<{ id: string }>,
): string {
  if (!plugins.some((plugin) => plugin.id === 'org.jetbrains.kotlin.multiplatform')) return 'test';
  return index.hasDirectory(joinRelative(dir, 'src/jvmTest')) ? 'jvmTest' : 'allTests';
}

/** The workspace members a build depends on: `project(":core")` paths and `projects.core.data` accessors. */
export function projectDependencies(
  scripts: readonly BuildScript[],
  root: string,
  candidates: readonly string[],
): string[] {
  const accessorOf = (member: string): string =>
    member
      .split('/')
      .map((segment) => segment.replace(/[-_](\w)/g, (_, letter: string) => letter.toUpperCase()))
      .join('.');
  return scripts.flatMap(({ build }) =>
    build.projectDependencies.flatMap((written) => {
      const match = written.startsWith('accessor:')
        ? candidates.find(
            (candidate) => accessorOf(local(candidate, root)) === written.slice('accessor:'.length),
          )
        : candidates.find((candidate) => local(candidate, root) === written);
      return match === undefined ? [] : [match];
    }),
  );
}

export function local(dir: string, root: string): string {
  return root === '.' ? dir : dir.slice(root.length + 1);
}

export function gradleDefaults(
  gradle: string,
  prefix: string,
  test: string,
  plugins: ReadonlyArray<{ id: string }>,
  source: string,
): CommandSet {
  const lint = jvmLintCommand(
    plugins.flatMap((plugin) => jvmLintPlugins[plugin.id] ?? []),
    gradle,
    'gradle',
    prefix,
  );
  const suggest = (run: string) => ({ run, source, suggested: true });
  return { test: suggest(`${gradle} ${prefix}${test}`), ...(lint ? { lint: suggest(lint) } : {}) };
}
