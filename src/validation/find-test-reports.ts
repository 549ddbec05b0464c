import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import type { ReportFile } from './parse-command-output.js';

/** Folders that hold dependencies or tool state, never a project's fresh test reports. */
const SKIPPED_FOLDERS = new Set([
  'node_modules',
  '.git',
  '.venv',
  'venv',
  'vendor',
  '__pycache__',
  '.gradle',
  '.m2',
  '.cache',
  '.pytest_cache',
  'deps',
  '.tox',
  '.nox',
]);
const MAX_DEPTH = 8;
const MAX_ENTRIES = 20_000;
const MAX_REPORTS = 200;
const MAX_REPORT_BYTES = 20 * 1024 * 1024;
/** Some filesystems store modification times in whole seconds. */
const MTIME_SLACK_MS = 2_000;

/** Whether a path (relative, `/`-separated) is where a runner writes JUnit XML or TRX. */
export function isTestReportPath(path: string): boolean {
  const name = path.slice(path.lastIndexOf('/') + 1);
  if (name.endsWith('.trx')) return true;
  if (!name.endsWith('.xml')) return false;
  return (
    /^TEST-.+\.xml$/.test(name) || // Surefire, Failsafe, Gradle, Ant
    /junit/i.test(name) || // junit.xml, test-junit-report.xml (ExUnit), jest-junit
    /(?:^|\/)(?:test-results|test-reports|surefire-reports|failsafe-reports|TestResults)\//.test(path)
  );
}

/**
 * Find test reports written since `since` under a project: only files the run
 * just wrote are read, so a stale report from an earlier run (or one committed
 * to the repository) never stands in for this run's results.
 */
export function findTestReports(projectDir: string, since: number): Promise<ReportFile[]> {
  return findFreshFiles(projectDir, since, isTestReportPath);
}

/** Files under `projectDir` whose relative path `wanted` accepts and that were written since `since`. */
export async function findFreshFiles(
  projectDir: string,
  since: number,
  wanted: (relativePath: string) => boolean,
): Promise<ReportFile[]> {
  const found: ReportFile[] = [];
  let entries = 0;
  const visit = async (dir: string, depth: number): Promise<void> => {
    if (depth > MAX_DEPTH || entries > MAX_ENTRIES || found.length >= MAX_REPORTS) return;
    const children = await readdir(dir, { withFileTypes: true }).catch(() => []);
    for (const child of children) {
      entries += 1;
      const path = join(dir, child.name);
      if (child.isDirectory() && !SKIPPED_FOLDERS.has(child.name)) await visit(path, depth + 1);
      if (!child.isFile()) continue;
      const relativePath = relative(projectDir, path).split(sep).join('/');
      if (!wanted(relativePath)) continue;
      const info = await stat(path).catch(() => null);
      if (!info || info.mtimeMs < since - MTIME_SLACK_MS || info.size > MAX_REPORT_BYTES) continue;
      found.push({ path: relativePath, content: await readFile(path, 'utf8') });
    }
  };
  await visit(projectDir, 0);
  return found;
}
