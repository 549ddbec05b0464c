import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { findFreshFiles } from '../find-test-reports.js';
import type { ChangedLines } from './changed-lines.js';
import type { CoverageData } from './line-hits.js';
import { computePatchCoverage, percentOf, type PatchCoverage } from './patch-coverage.js';
import { readCoverageXml } from './read-coverage-xml.js';
import { readGoCoverprofile } from './read-go-coverprofile.js';
import { readLcov } from './read-lcov.js';

/** What a project's test run left for coverage. */
export interface ProjectCoverage {
  /** Report files read (relative to the project) and their formats; empty when none was found. */
  reports: { path: string; format: string }[];
  /** All lines the reports measured, for a figure when there is no change to measure. */
  overall: { covered: number; total: number; percent: number | null };
  /** Coverage of the changed lines; absent when no changed lines were given. */
  changed?: PatchCoverage;
}

const LCOV = /(?:^|\/)(?:lcov\.info|[^/]+\.lcov)$/;
const XML = /(?:^|\/)(?:coverage|cobertura[^/]*|[^/]*\.cobertura|jacoco[^/]*|jacocoTestReport|clover)\.xml$/i;
const GO = /(?:^|\/)(?:c|cover|coverage|coverprofile)\.out$|\.coverprofile$/;

function readReport(relativePath: string, content: string): CoverageData | null {
  if (LCOV.test(relativePath)) return readLcov(content);
  if (GO.test(relativePath)) return readGoCoverprofile(content);
  return readCoverageXml(content);
}

async function goModule(projectDir: string): Promise<string | undefined> {
  const text = await readFile(path.join(projectDir, 'go.mod'), 'utf8').catch(() => '');
  return /^module\s+(\S+)/m.exec(text)?.[1];
}

/**
 * Reads the coverage reports a test command wrote (lcov, Cobertura, JaCoCo, Clover, Go
 * profiles; only files written since `since`, so a stale or committed report never counts)
 * and measures the changed lines against them.
 */
export async function measureProjectCoverage(input: {
  runRoot: string;
  projectPath: string;
  projectDir: string;
  since: number;
  changedLines?: ChangedLines;
  redact: (text: string) => string;
}): Promise<ProjectCoverage> {
  const files = await findFreshFiles(
    input.projectDir,
    input.since,
    (p) => LCOV.test(p) || XML.test(p) || GO.test(p),
  );
  const reports: CoverageData[] = [];
  const read: ProjectCoverage['reports'] = [];
  for (const file of files) {
    const data = readReport(file.path, file.content);
    if (!data || data.files.size === 0) continue;
    reports.push(data);
    read.push({ path: input.redact(file.path), format: data.format });
  }
  const lines = reports.flatMap((report) => [...report.files.values()].flatMap((hits) => [...hits.values()]));
  const covered = lines.filter((hits) => hits > 0).length;
  const result: ProjectCoverage = {
    reports: read,
    overall: { covered, total: lines.length, percent: percentOf(covered, lines.length) },
  };
  if (input.changedLines && reports.length > 0) {
    const module = await goModule(input.projectDir);
    result.changed = computePatchCoverage(reports, input.changedLines, {
      runRoot: input.runRoot,
      projectPath: input.projectPath,
      ...(module ? { goModule: module } : {}),
    });
  }
  return result;
}
