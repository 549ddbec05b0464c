import { uniqueDependencies, uniqueFrameworks, uniqueSorted } from './assemble-findings.js';
import type { EcosystemFindings } from './detector.js';
import type { Project } from './project.js';
import type { RepositoryIndex } from './repository-index.js';

export interface MergedDirectory {
  project: Project;
  /** The findings that gave the project its language, package manager and commands. */
  primary: EcosystemFindings;
}

const JVM = new Set(['java', 'kotlin']);

/**
 * One project per directory: the strongest ecosystem (by weight plus `evidence`, e.g.
 * workflows that run its commands there) gives the language, version, package manager
 * and commands; frameworks, data stores and tools of every ecosystem found there are
 * kept. Two builds of one language side by side (Maven and Gradle) give a warning.
 */
export function mergeDirectoryFindings(
  dir: string,
  found: readonly EcosystemFindings[],
  evidence: (findings: EcosystemFindings) => number,
  index: RepositoryIndex,
): MergedDirectory {
  const scored = found.map((entry) => ({ entry, score: entry.weight + evidence(entry) }));
  const primary = scored.reduce((best, next) => (next.score > best.score ? next : best)).entry;
  // The primary ecosystem's entries come first, so its framework versions win ties.
  const findings = [primary, ...found.filter((entry) => entry !== primary)];
  const sameLanguage = findings.filter(
    (entry) => entry !== primary && isSameLanguage(entry.language, primary.language),
  );
  for (const other of sameLanguage) {
    index.warn(
      dir,
      `${primary.ecosystem} and ${other.ecosystem} builds side by side; using ${primary.ecosystem}`,
    );
  }
  const project: Project = {
    path: dir,
    language: primary.language,
    languageVersion:
      primary.languageVersion ?? sameLanguage.find((entry) => entry.languageVersion)?.languageVersion ?? null,
    packageManager: primary.packageManager,
    frameworks: uniqueFrameworks(findings.flatMap((entry) => entry.frameworks)),
    databases: uniqueSorted(findings.flatMap((entry) => entry.databases)),
    orms: uniqueSorted(findings.flatMap((entry) => entry.orms)),
    testFrameworks: uniqueSorted(findings.flatMap((entry) => entry.testFrameworks)),
    linters: uniqueSorted(findings.flatMap((entry) => entry.linters)),
    commands: {},
    dockerfiles: [],
    dependencies: uniqueDependencies(findings.flatMap((entry) => entry.dependencies)),
  };
  return { project, primary };
}

function isSameLanguage(a: string, b: string): boolean {
  return a === b || (JVM.has(a) && JVM.has(b));
}
