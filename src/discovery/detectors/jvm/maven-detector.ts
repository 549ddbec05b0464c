import path from 'node:path';
import type { DeclaredDependency } from '../../dependency-catalog.js';
import type { DetectionContext, EcosystemDetector, EcosystemFindings } from '../../detector.js';
import type { Framework, SourcedValue } from '../../project.js';
import { dirnameRelative, joinRelative } from '../../repository-index.js';
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
  const internal = new Set(poms.map((pom) => pom.file));
  const plugins = poms.flatMap((pom) =>
    pom.plugins.map((plugin) => `${plugin.groupId}:${plugin.artifactId}`),
  );
  const isKotlin = plugins.includes('org.jetbrains.kotlin:kotlin-maven-plugin');
  const mvn = index.has(joinRelative(dir, 'mvnw')) ? './mvnw' : 'mvn';
  const linters = plugins.flatMap((plugin) => jvmLintPlugins[plugin] ?? []);
  const lint = jvmLintCommand(linters, mvn, 'maven');
  const suggest = (run: string) => ({ run, source: root.file, suggested: true });
  return assembleJvmFindings({
    manager: 'maven',
    dependencies: poms
      .flatMap((pom) => declaredDependencies(pom))
      .filter((dependency) => !internal.has(dependency.name)),
    platforms: poms.flatMap(platformsOf),
    plugins,
    javaVersion: javaVersionOf(root),
    kotlinVersion: versionProperty(root, ['kotlin.version']),
    isKotlin,
    ownCommands: {},
    defaultCommands: { test: suggest(`${mvn} -B test`), ...(lint ? { lint: suggest(lint) } : {}) },
    hasWrapper: mvn === './mvnw',
  });
}

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
  const candidates: MavenCoordinate[] = [...(pom.parent ? [pom.parent] : []), ...pom.imports, ...pom.plugins];
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
