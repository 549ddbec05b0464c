import { uniqueDependencies, uniqueFrameworks, uniqueSorted } from './assemble-findings.js';
import type { DirectoryFinding } from './detect-ecosystem-projects.js';
import type { EcosystemDetector, EcosystemFindings } from './detector.js';
import type { Project } from './project.js';
import type { RepositoryIndex } from './repository-index.js';

export interface MergedDirectory {
  project: Project;
  /** The findings that gave the project its language, package manager and commands. */
  primary: EcosystemFindings;
  detector: EcosystemDetector;
  /** Member folders that are not projects and whose files (a Prisma schema, config) count for this project. */
  libraries: string[];
}

/** Languages that one build describes together: a Maven and a Gradle build are one JVM project. */
function familyOf(language: string): string {
  if (language === 'java' || language === 'kotlin') return 'jvm';
  if (language === 'javascript' || language === 'typescript') return 'node';
  return language;
}

/**
 * The projects of one directory. Two ecosystems of different languages are two projects
 * (a package.json beside a composer.json, a pyproject.toml beside a package.json), except a
 * package.json that is only tooling for the other build (see EcosystemFindings.tooling): its
 * linters join that project. Builds of one language side by side
 * (Maven and Gradle) are one project: the strongest (by weight plus `evidence`, e.g. workflows
 * that run its commands there) gives the language, version, package manager and commands, and
 * a warning names both.
 */
export function mergeDirectoryFindings(
  dir: string,
  found: readonly DirectoryFinding[],
  evidence: (entry: DirectoryFinding) => number,
  index: RepositoryIndex,
): MergedDirectory[] {
  const families = new Map<string, DirectoryFinding[]>();
  for (const entry of found) {
    const family = familyOf(entry.findings.language);
    families.set(family, [...(families.get(family) ?? []), entry]);
  }
  const nodeEntries = families.get('node') ?? [];
  const toolingOnly =
    families.size > 1 && nodeEntries.length > 0 && nodeEntries.every((entry) => entry.findings.tooling);
  if (toolingOnly) families.delete('node');
  const merged = [...families.values()].map((entries) => mergeFamily(dir, entries, evidence, index));
  const host = merged[0];
  if (toolingOnly && host)
    host.project.linters = uniqueSorted([
      ...host.project.linters,
      ...nodeEntries.flatMap((entry) => entry.findings.linters),
    ]);
  return merged;
}

function mergeFamily(
  dir: string,
  entries: readonly DirectoryFinding[],
  evidence: (entry: DirectoryFinding) => number,
  index: RepositoryIndex,
): MergedDirectory {
  const scored = entries.map((entry) => ({ entry, score: entry.findings.weight + evidence(entry) }));
  const best = scored.reduce((top, next) => (next.score > top.score ? next : top)).entry;
  const primary = best.findings;
  // The primary ecosystem's entries come first, so its framework versions win ties.
  const findings = [primary, ...entries.filter((entry) => entry !== best).map((entry) => entry.findings)];
  for (const other of findings.slice(1)) {
    index.warn(
      dir,
      `${primary.ecosystem} and ${other.ecosystem} builds side by side; using ${primary.ecosystem}`,
    );
  }
  const project: Project = {
    path: dir,
    language: primary.language,
    languageVersion:
      primary.languageVersion ?? findings.find((entry) => entry.languageVersion)?.languageVersion ?? null,
    packageManager: primary.packageManager,
    frameworks: uniqueFrameworks(findings.flatMap((entry) => entry.frameworks)),
    databases: uniqueSorted(findings.flatMap((entry) => entry.databases)),
    orms: uniqueSorted(findings.flatMap((entry) => entry.orms)),
    testFrameworks: uniqueSorted(findings.flatMap((entry) => entry.testFrameworks)),
    linters: uniqueSorted(findings.flatMap((entry) => entry.linters)),
    commands: {},
    workspace: best.workspace,
    dockerfiles: [],
    dependencies: uniqueDependencies(findings.flatMap((entry) => entry.dependencies)),
  };
  return { project, primary, detector: best.detector, libraries: best.libraries };
}
