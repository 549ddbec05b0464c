import path from 'node:path';
import type { DeclaredDependency } from '../../dependency-catalog.js';
import type { CommandSet, DetectionContext, EcosystemDetector, EcosystemFindings } from '../../detector.js';
import type { Framework, SourcedValue } from '../../project.js';
import { dirnameRelative, joinRelative, type RepositoryIndex } from '../../repository-index.js';
import { readPinnedVersion } from '../../read-version-file.js';
import { assembleJvmFindings, jvmLintCommand } from './assemble-jvm-findings.js';
import { FRAMEWORK_PLATFORMS, jvmLintPlugins } from './jvm-catalog.js';
import { readMavenPom, type MavenCoordinate, type MavenPom } from './read-maven-pom.js';

const JAVA_VERSION_PROPERTIES = [
  'maven.compiler.release',
  'java.version',
  'maven.compiler.source',
  'maven.compiler.target',
];

/** Maven builds: pom.xml with in-repository parents, properties, dependencyManagement and modules. */
export const mavenDetector: EcosystemDetector = {
  ecosystem: 'maven',
  keepsFile: (name) => name === 'pom.xml' || name === 'mvnw',
  projectDirOf: (file) =>
    file === 'pom.xml' || file.endsWith('/pom.xml') ? dirnameRelative(file) : undefined,
  workspaceMembers: async (dir, context) => {
    const pom = await readMavenPom(context.index, joinRelative(dir, 'pom.xml'));
    const modules = (pom?.modules ?? []).map((module) => {
      const target = path.posix.normalize(path.posix.join(dir, module.replace(/\/pom\.xml$/, '')));
      return target.replace(/\/+$/, '');
    });
    return context.candidates.filter((candidate) => modules.includes(candidate));
  },
  detect: detectMavenBuild,
  isSingleBuild: isSingleMavenBuild,
  classifyCommand: (words) => {
    if (!['mvn', './mvnw', 'mvnw'].includes(words[0] ?? '')) return undefined;
    if (words.some((word) => /^(checkstyle|spotless|pmd|spotbugs):/.test(word))) return 'lint';
    if (words.some((word) => ['test', 'verify', 'package', 'install'].includes(word))) return 'test';
    return words.some((word) => word.startsWith('dependency:')) ? 'install' : undefined;
  },
};

async function detectMavenBuild(
  dir: string,
  members: readonly string[],
  context: DetectionContext,
): Promise<EcosystemFindings | undefined> {
  const { index } = context;
  const poms = (
    await Promise.all([dir, ...members].map((each) => readMavenPom(index, joinRelative(each, 'pom.xml'))))
  ).flatMap((pom) => (pom ? [pom] : []));
  const root = poms[0];
  if (!root || root.file !== joinRelative(dir, 'pom.xml')) return undefined;
  const reactor = await reactorModules(index, context);
  const plugins = poms.flatMap((pom) =>
    pom.plugins.map((plugin) => `${plugin.groupId}:${plugin.artifactId}`),
  );
  const isKotlin =
    plugins.includes('org.jetbrains.kotlin:kotlin-maven-plugin') || index.hasKotlinSources(dir);
  const dependencies = poms.flatMap((pom) => declaredDependencies(pom));
  const anyTests = [dir, ...members].some((each) => index.hasTestFolder(each));
  const pinnedJava = await readPinnedVersion(index, dir, 'java');
  return assembleJvmFindings({
    pinnedJava,
    manager: 'maven',
    dependencies: dependencies.filter((dependency) => !reactor.has(dependency.name)),
    platforms: poms.flatMap(platformsOf),
    plugins,
    javaVersion: javaVersionOf(root),
    kotlinVersion: versionProperty(root, ['kotlin.version']),
    isKotlin,
    ownCommands: {},
    defaultCommands: mavenDefaults(index, dir, context.workspace, root, plugins, anyTests),
    hasWrapper: index.findUp(context.workspace ?? dir, ['mvnw']) !== undefined,
    ownTests: index.hasTestFolder(dir),
    ownCode: root.packaging !== 'pom' && index.hasJvmSources(dir),
    internalDependencies: dependencies.flatMap((dependency) => reactor.get(dependency.name) ?? []),
  });
}

/**
 * Test and lint commands. A module of a reactor is built from the reactor's root with the
 * modules it needs (`-pl :<artifactId> -am`), from its own folder (`-f ../pom.xml`).
 */
function mavenDefaults(
  index: RepositoryIndex,
  dir: string,
  workspace: string | undefined,
  pom: MavenPom,
  plugins: readonly string[],
  hasTests: boolean,
): CommandSet {
  const root = workspace ?? dir;
  const up = path.posix.relative(dir === '.' ? '' : dir, root === '.' ? '' : root);
  const mvn = index.has(joinRelative(root, 'mvnw')) ? (up === '' ? './mvnw' : `${up}/mvnw`) : 'mvn';
  const scope =
    workspace === undefined ? '' : `-f ${up}/pom.xml -pl :${pom.coordinate.split(':')[1] ?? ''} -am `;
  const linters = plugins.flatMap((plugin) => jvmLintPlugins[plugin] ?? []);
  const lint = jvmLintCommand(linters, mvn, 'maven', scope);
  const suggest = (run: string) => ({ run, source: pom.file, suggested: true });
  return {
    ...(hasTests ? { test: suggest(`${mvn} -B ${scope}test`) } : {}),
    ...(lint ? { lint: suggest(lint) } : {}),
  };
}

/** The reactor's modules by `groupId:artifactId`, with their folders: dependencies on them stay inside the build. */
async function reactorModules(
  index: RepositoryIndex,
  context: DetectionContext,
): Promise<Map<string, string>> {
  const poms = await Promise.all(
    context.candidates.map(
      async (dir) => [dir, await readMavenPom(index, joinRelative(dir, 'pom.xml'))] as const,
    ),
  );
  return new Map(poms.flatMap(([dir, pom]) => (pom ? [[pom.coordinate, dir] as const] : [])));
}

/**
 * A reactor whose modules depend on each other and that holds at most one application module
 * (one declaring a packaging plugin such as spring-boot-maven-plugin, or a war) builds one
 * deliverable: it stays one project.
 */
async function isSingleMavenBuild(
  _root: string,
  members: readonly string[],
  context: DetectionContext,
): Promise<boolean> {
  const poms = (
    await Promise.all(members.map((dir) => readMavenPom(context.index, joinRelative(dir, 'pom.xml'))))
  ).flatMap((pom) => (pom ? [pom] : []));
  const coordinates = new Set(poms.map((pom) => pom.coordinate));
  const chained = poms.some((pom) =>
    pom.dependencies.some((dependency) => coordinates.has(`${dependency.groupId}:${dependency.artifactId}`)),
  );
  const applications = poms.filter(
    (pom) =>
      pom.packaging === 'war' ||
      pom.ownPlugins.some((plugin) => APPLICATION_PLUGINS.has(`${plugin.groupId}:${plugin.artifactId}`)),
  );
  return chained && applications.length <= 1;
}

const APPLICATION_PLUGINS = new Set([
  'org.springframework.boot:spring-boot-maven-plugin',
  'io.quarkus:quarkus-maven-plugin',
  'io.quarkus.platform:quarkus-maven-plugin',
  'io.micronaut.maven:micronaut-maven-plugin',
  'org.apache.maven.plugins:maven-war-plugin',
  'com.google.cloud.tools:jib-maven-plugin',
]);

function declaredDependencies(pom: MavenPom): DeclaredDependency[] {
  return pom.dependencies.map((dependency) => {
    const key = `${dependency.groupId}:${dependency.artifactId}`;
    const version = dependency.version ?? pom.managed.get(key) ?? null;
    return {
      name: key,
      constraint: dependency.version ?? null,
      version: version && !/[[(,]/.test(version) ? version : null,
      source: pom.file,
      dev: dependency.scope === 'test',
    };
  });
}

/** Frameworks a parent, an imported BOM or a plugin names, with its version. */
function platformsOf(pom: MavenPom): Framework[] {
  // The Spring Boot parent may be the reactor root's parent: every module inherits it.
  const candidates: MavenCoordinate[] = [...pom.lineage, ...pom.imports, ...pom.plugins];
  return candidates.flatMap((coordinate) => {
    const name = FRAMEWORK_PLATFORMS[`${coordinate.groupId}:${coordinate.artifactId}`];
    if (!name) return [];
    const version = coordinate.version ?? null;
    return [{ name, version, constraint: version, source: pom.file }];
  });
}

function javaVersionOf(pom: MavenPom): SourcedValue | null {
  return versionProperty(pom, JAVA_VERSION_PROPERTIES);
}

function versionProperty(pom: MavenPom, names: readonly string[]): SourcedValue | null {
  for (const name of names) {
    const value = pom.properties.get(name);
    if (value && !value.includes('${')) return { value, source: pom.file };
  }
  return null;
}
