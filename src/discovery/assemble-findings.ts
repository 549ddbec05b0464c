import type { ClassifiedStack, DeclaredDependency, DependencyCatalog } from './dependency-catalog.js';
import type { CommandSet, EcosystemFindings } from './detector.js';
import type { Dependency, Framework, SourcedValue } from './project.js';

export interface FindingsInput {
  ecosystem: string;
  language: string;
  languageVersion: SourcedValue | null;
  packageManager: string | null;
  dependencies: readonly DeclaredDependency[];
  catalog: DependencyCatalog;
  ownCommands: CommandSet;
  defaultCommands: CommandSet;
  /** Stack facts found outside the dependency list (a Prisma provider, an SDK name). */
  extra?: Partial<ClassifiedStack>;
  weight?: number;
  /** Tests of its own (see EcosystemFindings.ownTests). */
  ownTests?: boolean;
  /** Folders of the workspace members it depends on (see EcosystemFindings.internalDependencies). */
  internalDependencies?: string[];
  /** Runs as a process of its own (see EcosystemFindings.entryPoint). */
  entryPoint?: boolean;
  /** Code of its own (see EcosystemFindings.ownCode). */
  ownCode?: boolean;
}

/**
 * Turns an ecosystem's declared dependencies into findings: the catalog names the
 * frameworks, databases, ORMs, test frameworks and linters; runtime dependencies
 * become the project's key dependencies. Lists come out sorted and without repeats.
 */
export function assembleFindings(input: FindingsInput): EcosystemFindings {
  const stack = input.catalog.classify(input.dependencies);
  const extra = input.extra ?? {};
  return {
    ecosystem: input.ecosystem,
    language: input.language,
    languageVersion: input.languageVersion,
    packageManager: input.packageManager,
    frameworks: uniqueFrameworks([...(extra.frameworks ?? []), ...stack.frameworks]),
    databases: uniqueSorted([...stack.databases, ...(extra.databases ?? [])]),
    orms: uniqueSorted([...stack.orms, ...(extra.orms ?? [])]),
    testFrameworks: uniqueSorted([...stack.testFrameworks, ...(extra.testFrameworks ?? [])]),
    linters: uniqueSorted([...stack.linters, ...(extra.linters ?? [])]),
    dependencies: uniqueDependencies(
      input.dependencies
        .filter((dependency) => !dependency.dev)
        .map(({ name, version }) => ({ name, version })),
    ),
    ownCommands: input.ownCommands,
    defaultCommands: input.defaultCommands,
    weight: input.weight ?? 2,
    appFramework: (stack.runtimeFramework ?? false) || (extra.frameworks?.length ?? 0) > 0,
    ownTests: input.ownTests ?? false,
    entryPoint: input.entryPoint ?? false,
    ownCode: input.ownCode ?? false,
    tooling: false,
    internalDependencies: input.internalDependencies ?? [],
  };
}

/** Sorted, without repeats. */
export function uniqueSorted(values: Iterable<string>): string[] {
  return [...new Set(values)].sort(compareText);
}

/** One entry per framework name (the first one with a resolved version wins), sorted by name. */
export function uniqueFrameworks(frameworks: Iterable<Framework>): Framework[] {
  const byName = new Map<string, Framework>();
  for (const framework of frameworks) {
    const known = byName.get(framework.name);
    if (!known || (known.version === null && framework.version !== null))
      byName.set(framework.name, framework);
  }
  return [...byName.values()].sort((a, b) => compareText(a.name, b.name));
}

/** One entry per dependency name (a resolved version wins over none), sorted by name. */
export function uniqueDependencies(dependencies: Iterable<Dependency>): Dependency[] {
  const byName = new Map<string, Dependency>();
  for (const dependency of dependencies) {
    const known = byName.get(dependency.name);
    if (!known || (known.version === null && dependency.version !== null))
      byName.set(dependency.name, dependency);
  }
  return [...byName.values()].sort((a, b) => compareText(a.name, b.name));
}

/** Code-unit order: the same on every machine, unlike localeCompare. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
