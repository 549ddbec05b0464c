import path from 'node:path';
import type { ChangedLines } from './changed-lines.js';
import type { CoverageData } from './line-hits.js';

/** How well the tests cover one file's changed lines. */
export interface FileCoverage {
  path: string;
  covered: number;
  total: number;
  /** Changed lines the report measured and no test ran. */
  uncovered: number[];
}

/** Coverage of a project's changed lines: only lines the report measures count (not comments or blanks). */
export interface PatchCoverage {
  covered: number;
  total: number;
  /** Floored to one decimal, so 79.96% never reads as 80%. */
  percent: number | null;
  /** Files with measured changed lines, most uncovered lines first. */
  files: FileCoverage[];
  /** Changed files the report does not mention (never loaded by a test, or not instrumented). */
  notMeasured: string[];
}

export interface PathContext {
  /** Where the commands ran (absolute): absolute paths in reports are under it. */
  runRoot: string;
  /** The project's path relative to the repository root (`.` for the root). */
  projectPath: string;
  /** Go's module path from go.mod, which Go coverage profiles prefix file names with. */
  goModule?: string;
}

/** Changed files the coverage of this project can speak for: under the project, with added lines. */
function changedInProject(changed: ChangedLines, projectPath: string): [string, readonly number[]][] {
  const prefix = projectPath === '.' ? '' : `${projectPath}/`;
  return [...changed].filter(([file]) => file.startsWith(prefix));
}

/** A report's file name as a repository-relative path, as far as it can be placed. */
function placeReportPath(name: string, context: PathContext): string {
  let file = name.replace(/^file:\/\//, '').replace(/\\/g, '/');
  if (context.goModule && file.startsWith(`${context.goModule}/`))
    file = path.posix.join(context.projectPath, file.slice(context.goModule.length + 1));
  if (path.posix.isAbsolute(file)) {
    const relative = path.relative(context.runRoot, file).split(path.sep).join('/');
    if (!relative.startsWith('..')) return relative;
  }
  return file.replace(/^\.\//, '');
}

/** The report entry for a changed file: the same path, else the one unique entry one ends with the other. */
function findEntry(file: string, placed: Map<string, Map<number, number>>): Map<number, number> | undefined {
  const exact = placed.get(file);
  if (exact) return exact;
  const matches = [...placed].filter(([name]) => file.endsWith(`/${name}`) || name.endsWith(`/${file}`));
  return matches.length === 1 ? matches[0]?.[1] : undefined;
}

/** Covered and measured changed lines of one project, from the reports its test command left. */
export function computePatchCoverage(
  reports: CoverageData[],
  changed: ChangedLines,
  context: PathContext,
): PatchCoverage {
  const placed = new Map<string, Map<number, number>>();
  for (const report of reports)
    for (const [name, lines] of report.files) {
      const key = placeReportPath(name, context);
      const merged = placed.get(key) ?? new Map<number, number>();
      for (const [line, hits] of lines) merged.set(line, Math.max(merged.get(line) ?? 0, hits));
      placed.set(key, merged);
    }
  const files: FileCoverage[] = [];
  const notMeasured: string[] = [];
  for (const [file, lines] of changedInProject(changed, context.projectPath)) {
    const entry = findEntry(file, placed);
    if (!entry) {
      notMeasured.push(file);
      continue;
    }
    const measured = lines.filter((line) => entry.has(line));
    if (measured.length === 0) continue;
    const uncovered = measured.filter((line) => (entry.get(line) ?? 0) === 0);
    files.push({
      path: file,
      covered: measured.length - uncovered.length,
      total: measured.length,
      uncovered,
    });
  }
  files.sort((a, b) => b.uncovered.length - a.uncovered.length || a.path.localeCompare(b.path));
  const covered = files.reduce((n, f) => n + f.covered, 0);
  const total = files.reduce((n, f) => n + f.total, 0);
  return { covered, total, percent: percentOf(covered, total), files, notMeasured };
}

/** `covered / total` in percent, floored to one decimal; null when nothing was measured. */
export function percentOf(covered: number, total: number): number | null {
  return total === 0 ? null : Math.floor((covered * 1000) / total) / 10;
}
