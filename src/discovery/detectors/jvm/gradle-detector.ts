import type { DeclaredDependency } from '../../dependency-catalog.js';
import type { DetectionContext, EcosystemDetector, EcosystemFindings } from '../../detector.js';
import type { Framework } from '../../project.js';
import { dirnameRelative, joinRelative, type RepositoryIndex } from '../../repository-index.js';
import { readPinnedVersion } from '../../read-version-file.js';
import { stringMapOf } from '../../untyped-value.js';
import { assembleJvmFindings } from './assemble-jvm-findings.js';
import { FRAMEWORK_PLATFORMS } from './jvm-catalog.js';
import { readGradleBuild, readGradleIncludes } from './read-gradle-build.js';
import { interpolateProperties } from './read-maven-pom.js';
import { readVersionCatalog, type VersionCatalog } from './read-version-catalog.js';
import {
  gradleCommand,
  gradleDefaults,
  projectDependencies,
  taskPrefix,
  testTask,
  type BuildScript,
} from './gradle-commands.js';

const BUILD_FILES = ['build.gradle.kts', 'build.gradle'];
const SETTINGS_FILES = ['settings.gradle.kts', 'settings.gradle'];
const GRADLE_TOOLS = ['./gradlew', 'gradlew', 'gradle', 'gradlew.bat'];
const LINT_TASKS = /^(ktlintCheck|detekt|spotlessCheck|checkstyle\w*|pmd\w*|lint)$/;

/** Gradle builds (Groovy and Kotlin DSL): plugins, dependencies, the version catalog, settings includes. */
export const gradleDetector: EcosystemDetector = {
  ecosystem: 'gradle',
  keepsFile: (name, dir) =>
    BUILD_FILES.includes(name) ||
    SETTINGS_FILES.includes(name) ||
    name === 'gradle.properties' ||
    name === 'gradlew' ||
    (name === 'libs.versions.toml' && (dir === 'gradle' || dir.endsWith('/gradle'))),
  projectDirOf: (file) => {
    const name = file.slice(file.lastIndexOf('/') + 1);
    return BUILD_FILES.includes(name) || SETTINGS_FILES.includes(name) ? dirnameRelative(file) : undefined;
  },
  workspaceMembers: async (dir, context) => {
    const settings = SETTINGS_FILES.map((name) => joinRelative(dir, name)).find((file) =>
      context.index.has(file),
    );
    if (!settings) return [];
    const includes = readGradleIncludes((await context.index.readText(settings)) ?? '').map((project) =>
      joinRelative(dir, project),
    );
    return context.candidates.filter((candidate) => includes.includes(candidate));
  },
  detect: detectGradleBuild,
  isSingleBuild: () => Promise.resolve(false),
  classifyCommand: (words) => {
    if (!GRADLE_TOOLS.includes(words[0] ?? '')) return undefined;
    const tasks = words.slice(1).map((word) => word.replace(/^:.*:/, ''));
    if (tasks.some((task) => LINT_TASKS.test(task))) return 'lint';
    if (tasks.some((task) => ['test', 'check', 'build'].includes(task) || task.startsWith('test')))
      return 'test';
    return tasks.includes('dependencies') ? 'install' : undefined;
  },
};

async function detectGradleBuild(
  dir: string,
  members: readonly string[],
  context: DetectionContext,
): Promise<EcosystemFindings | undefined> {
  const { index } = context;
  // A subproject takes the version catalog, properties and wrapper of its build's root.
  const root = context.workspace ?? dir;
  const found = await Promise.all([dir, ...members].map((each) => readScript(index, each)));
  const scripts = found.flatMap((script) => (script ? [script] : []));
  if (context.workspace !== undefined && scripts.length === 0) return undefined;
  const catalog = await readCatalog(index, root);
  const properties = await readGradleProperties(index, root);
  const settings = SETTINGS_FILES.map((name) => joinRelative(dir, name)).find((file) => index.has(file));
  const rootFile = scripts[0]?.file ?? settings ?? joinRelative(dir, 'build.gradle');
  const plugins = scripts.flatMap(({ file, build }) => [
    ...build.plugins.map((plugin) => ({ ...plugin, source: file })),
    ...build.pluginAliases.flatMap((alias) => catalog.plugins.get(alias) ?? []),
  ]);
  const kotlinPlugin = plugins.find((plugin) => plugin.id.startsWith('org.jetbrains.kotlin.'));
  const javaScript = scripts.find(({ build }) => build.javaVersion);
  const dependencies = scripts.flatMap((script) => declaredDependencies(script, catalog, properties));
  const wrapper = index.findUp(root, ['gradlew']);
  const dirs = [dir, ...members];
  const ownTests = index.hasTestFolder(dir);
  const anyTests = dirs.some((each) => index.hasTestFolder(each));
  const isKotlin = kotlinPlugin !== undefined || dirs.some((each) => index.hasKotlinSources(each));
  const pinnedJava = await readPinnedVersion(index, dir, 'java');
  return assembleJvmFindings({
    pinnedJava,
    manager: 'gradle',
    dependencies,
    platforms: [
      ...plugins.flatMap((plugin) => platformOf(plugin.id, plugin.version ?? null, plugin.source)),
      ...dependencies.flatMap((dependency) =>
        platformOf(dependency.name, dependency.version, dependency.source),
      ),
    ],
    plugins: plugins.map((plugin) => plugin.id),
    javaVersion: javaScript?.build.javaVersion
      ? { value: javaScript.build.javaVersion, source: javaScript.file }
      : null,
    kotlinVersion: kotlinPlugin?.version
      ? { value: kotlinPlugin.version, source: kotlinPlugin.source }
      : null,
    isKotlin,
    ownCommands: {},
    defaultCommands: anyTests
      ? gradleDefaults(
          gradleCommand(dir, root, wrapper),
          taskPrefix(dir, context.workspace),
          testTask(index, dir, plugins),
          plugins,
          rootFile,
        )
      : {},
    hasWrapper: wrapper !== undefined,
    ownTests,
    entryPoint:
      plugins.some((plugin) => APPLICATION_PLUGIN.test(plugin.id)) ||
      scripts.some(({ build }) => build.declaresMain),
    ownCode: index.hasJvmSources(dir),
    internalDependencies: projectDependencies(scripts, root, context.candidates),
    databases: plugins.some((plugin) => /(^|\.)room$/.test(plugin.id)) ? ['sqlite'] : [],
  });
}

/** `application`, the Android application plugin, and convention plugins named after it. */
const APPLICATION_PLUGIN = /^(application|com\.android\.application|.*\.android\.application)$/;

/** The framework a plugin or platform BOM stands for (the Spring Boot plugin, Quarkus' BOM), with its version. */
function platformOf(id: string, version: string | null, source: string): Framework[] {
  const name = FRAMEWORK_PLATFORMS[id];
  return name ? [{ name, version, constraint: version, source }] : [];
}

async function readScript(index: RepositoryIndex, dir: string): Promise<BuildScript | undefined> {
  const file = BUILD_FILES.map((name) => joinRelative(dir, name)).find((candidate) => index.has(candidate));
  const text = file ? await index.readText(file) : undefined;
  return file && text !== undefined ? { file, build: readGradleBuild(text) } : undefined;
}

function declaredDependencies(
  script: BuildScript,
  catalog: VersionCatalog,
  properties: ReadonlyMap<string, string>,
): DeclaredDependency[] {
  const variables = new Map([...properties, ...script.build.variables]);
  const fromAliases = script.build.libraryAliases.flatMap(({ alias, dev }) => {
    const accessors = alias.startsWith('bundles.')
      ? (catalog.bundles.get(alias.slice('bundles.'.length)) ?? [])
      : [alias];
    return accessors.flatMap((accessor) => {
      const coordinate = catalog.libraries.get(accessor);
      return coordinate ? [{ coordinate, dev, source: catalog.file ?? 'gradle/libs.versions.toml' }] : [];
    });
  });
  const direct = script.build.dependencies.map((dependency) => ({ ...dependency, source: script.file }));
  return [...direct, ...fromAliases].flatMap(({ coordinate, dev, source }) => {
    // Groovy and Kotlin strings interpolate `$name` and `${name}` alike.
    const resolved = interpolateProperties(coordinate.replace(/\$(\w+)/g, '${$1}'), variables);
    const [group, artifact, version] = (resolved ?? coordinate).split(':');
    if (!group || !artifact || group.includes('$')) return [];
    const pinned = version !== undefined && /^[\w.-]+$/.test(version) ? version : null;
    return [{ name: `${group}:${artifact}`, constraint: version ?? null, version: pinned, source, dev }];
  });
}

async function readCatalog(index: RepositoryIndex, dir: string): Promise<VersionCatalog> {
  const file = joinRelative(dir, 'gradle/libs.versions.toml');
  return index.has(file)
    ? readVersionCatalog(await index.readParsed(file, 'toml'), file)
    : readVersionCatalog(undefined);
}

async function readGradleProperties(index: RepositoryIndex, dir: string): Promise<Map<string, string>> {
  const file = joinRelative(dir, 'gradle.properties');
  return index.has(file) ? stringMapOf(await index.readParsed(file, 'properties')) : new Map();
}
