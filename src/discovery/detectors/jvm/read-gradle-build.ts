/** What a build.gradle or build.gradle.kts declares, before variables and catalog aliases are resolved. */
export interface GradleBuild {
  plugins: Array<{ id: string; version: string | undefined }>;
  /** Plugin aliases from the version catalog (`libs.plugins.spring.boot` → `spring.boot`). */
  pluginAliases: string[];
  dependencies: Array<{ coordinate: string; dev: boolean }>;
  /** Library aliases from the version catalog (`libs.spring.boot.starter.web`), with `bundles.` for bundles. */
  libraryAliases: Array<{ alias: string; dev: boolean }>;
  javaVersion: string | undefined;
  /** `val x = "1.0"`, `def x = '1.0'`, `ext { x = '1.0' }` assignments, for `$x` in coordinates. */
  variables: Map<string, string>;
  /** Project dependencies: `project(":core")` paths and `projects.core.data` accessors. */
  projectDependencies: string[];
  /** Builds an executable: `mainClass = …` or `binaries.executable()`. */
  declaresMain: boolean;
}

const CONFIGURATION = String.raw`(implementation|api|compileOnly|runtimeOnly|testImplementation|testRuntimeOnly|testCompileOnly|annotationProcessor|kapt|ksp|developmentOnly|compile|testCompile|runtime|integrationTestImplementation|testFixturesImplementation)`;
const QUOTED_DEPENDENCY = new RegExp(
  String.raw`^${CONFIGURATION}\s*\(?\s*(?:(?:enforced)?[pP]latform\s*\(\s*)?["']([^"']+)["']`,
);
const ALIAS_DEPENDENCY = new RegExp(
  String.raw`^${CONFIGURATION}\s*\(?\s*(?:(?:enforced)?[pP]latform\s*\(\s*)?libs\.([\w.]+)`,
);
const MAP_DEPENDENCY = new RegExp(
  String.raw`^${CONFIGURATION}\s*\(?\s*group\s*[:=]\s*["']([^"']+)["']\s*,\s*name\s*[:=]\s*["']([^"']+)["'](?:\s*,\s*version\s*[:=]\s*["']([^"']+)["'])?`,
);

/**
 * Reads a Gradle build script (Groovy or Kotlin DSL). Build scripts are programs with no
 * maintained parser outside Gradle; this reads the declarative lines most builds use:
 * `plugins { id … version … }`, dependency declarations, toolchain and compatibility settings.
 */
export function readGradleBuild(text: string): GradleBuild {
  const build: GradleBuild = {
    plugins: [],
    pluginAliases: [],
    dependencies: [],
    libraryAliases: [],
    javaVersion: undefined,
    variables: new Map(),
    projectDependencies: [],
    declaresMain: false,
  };
  // After `implementation "a:b:1",` the next lines go on listing coordinates for the same configuration.
  let continuing: string | undefined;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.replace(/(^|\s)\/\/.*$/, '').trim();
    if (line === '') continue;
    if (continuing !== undefined && /^["'][^"']+:[^"']+["']\s*,?$/.test(line)) {
      build.dependencies.push({
        coordinate: line.replace(/^["']|["']\s*,?$/g, ''),
        dev: isDevConfiguration(continuing),
      });
      if (!line.endsWith(',')) continuing = undefined;
      continue;
    }
    continuing = undefined;
    readPluginLine(line, build);
    readDependencyLine(line, build);
    const configuration = new RegExp(String.raw`^${CONFIGURATION}\s*\(?\s*["'][^"']+["']\s*,\s*$`).exec(
      line,
    )?.[1];
    if (configuration) continuing = configuration;
    // Test-only project dependencies (`testImplementation(projects.core.testing)`) are not what it runs with.
    if (!/test/i.test(/^(\w+)\s*[( ]/.exec(line)?.[1] ?? '')) readProjectDependencies(line, build);
    if (/\bmainClass\b\s*(\.set\(|=)|\bbinaries\.executable\(\)/.test(line)) build.declaresMain = true;
    const variable = /^(?:(?:def|val|var|ext\.)\s*)?(\w+)\s*=\s*["']([^"'$]+)["']\s*$/.exec(line);
    if (variable?.[1] && variable[2]) build.variables.set(variable[1], variable[2]);
    build.javaVersion ??= javaVersionOf(line);
  }
  return build;
}

function readProjectDependencies(line: string, build: GradleBuild): void {
  for (const match of line.matchAll(/\bproject\(\s*(?:path\s*[:=]\s*)?["']:?([^"']+)["']/g))
    if (match[1]) build.projectDependencies.push(match[1].replace(/:/g, '/'));
  for (const match of line.matchAll(/\bprojects\.([\w.]+)/g))
    if (match[1]) build.projectDependencies.push(`accessor:${match[1]}`);
}

function readPluginLine(line: string, build: GradleBuild): void {
  const id = /^id\s*\(?\s*["']([^"']+)["']\s*\)?(?:\s+version\s*\(?\s*["']([^"']+)["'])?/.exec(line);
  if (id?.[1]) build.plugins.push({ id: id[1], version: id[2] });
  const kotlin = /^kotlin\s*\(\s*["']([^"']+)["']\s*\)(?:\s+version\s+["']([^"']+)["'])?/.exec(line);
  if (kotlin?.[1]) build.plugins.push({ id: `org.jetbrains.kotlin.${kotlin[1]}`, version: kotlin[2] });
  const applied = /^apply\s*\(?\s*plugin\s*[:=]\s*["']([^"']+)["']/.exec(line);
  if (applied?.[1]) build.plugins.push({ id: applied[1], version: undefined });
  const alias = /^alias\s*\(\s*libs\.plugins\.([\w.]+)\s*\)/.exec(line);
  if (alias?.[1]) build.pluginAliases.push(alias[1]);
  if (/^(java|`java-library`|application)$/.test(line))
    build.plugins.push({ id: line.replace(/`/g, ''), version: undefined });
}

function readDependencyLine(line: string, build: GradleBuild): void {
  const quoted = QUOTED_DEPENDENCY.exec(line);
  if (quoted?.[1] && quoted[2]?.includes(':')) {
    build.dependencies.push({ coordinate: quoted[2], dev: isDevConfiguration(quoted[1]) });
    return;
  }
  const mapped = MAP_DEPENDENCY.exec(line);
  if (mapped?.[1] && mapped[2] && mapped[3]) {
    build.dependencies.push({
      coordinate: [mapped[2], mapped[3], mapped[4]].filter(Boolean).join(':'),
      dev: isDevConfiguration(mapped[1]),
    });
    return;
  }
  const alias = ALIAS_DEPENDENCY.exec(line);
  if (alias?.[1] && alias[2] && !alias[2].startsWith('plugins.') && !alias[2].startsWith('versions.')) {
    build.libraryAliases.push({
      alias: alias[2].replace(/\.get\(\)$/, ''),
      dev: isDevConfiguration(alias[1]),
    });
  }
}

function isDevConfiguration(configuration: string): boolean {
  return configuration.startsWith('test') || configuration.startsWith('integrationTest');
}

function javaVersionOf(line: string): string | undefined {
  const toolchain = /JavaLanguageVersion\.of\(\s*(\d+)\s*\)|jvmToolchain\(\s*(\d+)\s*\)/.exec(line);
  if (toolchain) return toolchain[1] ?? toolchain[2];
  const constant =
    /^(?:java\.)?(?:sourceCompatibility|targetCompatibility)\s*=\s*JavaVersion\.VERSION_(\d+(?:_\d+)?)/.exec(
      line,
    );
  if (constant?.[1]) return constant[1].replace('_', '.');
  return /^(?:java\.)?sourceCompatibility\s*=\s*['"]?(\d+(?:\.\d+)?)['"]?$/.exec(line)?.[1];
}

/**
 * The project paths a settings.gradle(.kts) `include` names (`':services:api'` → `services/api`),
 * and the builds `includeBuild` adds (`build-logic`): both are parts of the build.
 */
export function readGradleIncludes(text: string): string[] {
  const includes: string[] = [];
  const withoutComments = text.replace(/\/\/.*$/gm, '');
  for (const match of withoutComments.matchAll(/\bincludeBuild\s*\(?\s*["']([^"']+)["']/g)) {
    const build = (match[1] ?? '').replace(/^\.\//, '').replace(/\/+$/, '');
    if (build && !build.startsWith('..')) includes.push(build);
  }
  for (const match of withoutComments.matchAll(/\binclude\b\s*(\(([^)]*)\)|([^\n]*))/g)) {
    const body = match[2] ?? match[3] ?? '';
    for (const quoted of body.matchAll(/["']([^"']+)["']/g)) {
      const project = (quoted[1] ?? '').replace(/^:/, '').replace(/:/g, '/');
      if (project) includes.push(project);
    }
  }
  return includes;
}
