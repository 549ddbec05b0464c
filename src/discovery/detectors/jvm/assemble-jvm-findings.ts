import { assembleFindings } from '../../assemble-findings.js';
import type { DeclaredDependency } from '../../dependency-catalog.js';
import type { CommandSet, EcosystemFindings } from '../../detector.js';
import type { Framework, SourcedValue } from '../../project.js';
import { jvmCatalog, jvmLintPlugins, PLATFORM_GROUPS } from './jvm-catalog.js';

export interface JvmBuild {
  manager: 'maven' | 'gradle';
  dependencies: DeclaredDependency[];
  /** Frameworks known from a parent, BOM or plugin, with its version. */
  platforms: Framework[];
  /** Plugin coordinates or ids, for linters and Kotlin. */
  plugins: string[];
  javaVersion: SourcedValue | null;
  /** A JDK pinned in `.java-version`, `.sdkmanrc`, `.tool-versions` or mise: preferred over the build's setting. */
  pinnedJava?: SourcedValue | null;
  kotlinVersion: SourcedValue | null;
  isKotlin: boolean;
  ownCommands: CommandSet;
  defaultCommands: CommandSet;
  /** A build wrapper (mvnw, gradlew) is committed: the build is in use. */
  hasWrapper: boolean;
  /** See EcosystemFindings: tests folder, executable, sources, project dependencies. */
  ownTests?: boolean;
  entryPoint?: boolean;
  ownCode?: boolean;
  internalDependencies?: string[];
  /** Data stores the build names outside its dependencies (the Room plugin). */
  databases?: string[];
}

/**
 * Findings of a Maven or Gradle build. Dependencies without a version take the
 * framework platform's (Spring Boot's parent or plugin manages every
 * `org.springframework.boot` artifact), so frameworks show the version in use.
 */
export function assembleJvmFindings(build: JvmBuild): EcosystemFindings {
  const platformVersion = new Map(
    build.platforms.flatMap((platform) => (platform.version ? [[platform.name, platform] as const] : [])),
  );
  const dependencies = build.dependencies.map((dependency) => {
    if (dependency.version !== null) return dependency;
    for (const [framework, group] of Object.entries(PLATFORM_GROUPS)) {
      const platform = platformVersion.get(framework);
      if (platform?.version && dependency.name.startsWith(`${group}:`))
        return { ...dependency, version: platform.version, source: platform.source };
    }
    return dependency;
  });
  const findings = assembleFindings({
    ecosystem: build.manager,
    language: build.isKotlin ? 'kotlin' : 'java',
    languageVersion: build.isKotlin
      ? (build.kotlinVersion ?? build.pinnedJava ?? build.javaVersion)
      : (build.pinnedJava ?? build.javaVersion),
    packageManager: build.manager,
    dependencies,
    catalog: jvmCatalog,
    ownCommands: build.ownCommands,
    defaultCommands: build.defaultCommands,
    extra: {
      frameworks: build.platforms,
      linters: build.plugins.flatMap((plugin) => jvmLintPlugins[plugin] ?? []),
      databases: build.databases ?? [],
    },
    weight: build.hasWrapper ? 2.5 : 2,
    ownTests: build.ownTests ?? false,
    entryPoint: build.entryPoint ?? false,
    ownCode: build.ownCode ?? false,
    internalDependencies: build.internalDependencies ?? [],
  });
  return findings;
}

/** Lint tasks for the linters a build configures, in the build tool's words. */
export function jvmLintCommand(
  linters: readonly string[],
  tool: string,
  manager: 'maven' | 'gradle',
  /** A Gradle subproject's task path prefix (`:services:api:`), or a Maven module selection. */
  scope = '',
): string | undefined {
  const tasks: Readonly<Record<string, readonly [string, string]>> = {
    checkstyle: ['checkstyle:check', 'checkstyleMain'],
    spotless: ['spotless:check', 'spotlessCheck'],
    ktlint: ['', 'ktlintCheck'],
    detekt: ['', 'detekt'],
    pmd: ['pmd:check', 'pmdMain'],
  };
  for (const linter of linters) {
    const task = tasks[linter]?.[manager === 'maven' ? 0 : 1];
    if (task) return manager === 'maven' ? `${tool} -B ${scope}${task}` : `${tool} ${scope}${task}`;
  }
  return undefined;
}
