import type { ProjectTests } from './change-analysis.js';
import { classifyPath } from '../code/classify-path.js';
import type { FileChange } from '../code/file-change.js';

// Rust keeps unit tests inside the source file; an added or edited test function there is a test change.
const INLINE_RUST_TEST = /#\[(cfg\(test\)|test|tokio::test|rstest|async_std::test)\]/;

/**
 * Per project, the test files and the source files the PR changed. Removed files do not
 * count: deleting code asks for no new test.
 */
export function summarizeTests(changes: FileChange[]): {
  tests: ProjectTests[];
  projectsWithoutTestChanges: string[];
} {
  const byProject = new Map<string, ProjectTests>();
  const entry = (project: string): ProjectTests => {
    let tests = byProject.get(project);
    if (!tests) {
      tests = { project, testFiles: [], sourceFiles: [] };
      byProject.set(project, tests);
    }
    return tests;
  };
  for (const change of changes) {
    const { path, status } = change.file;
    const kind = classifyPath(path);
    if (kind.role === 'test') entry(change.project).testFiles.push(path);
    if (status === 'removed' || kind.role !== 'source') continue;
    entry(change.project).sourceFiles.push(path);
    if (kind.language === 'rust' && change.added.some((line) => INLINE_RUST_TEST.test(line.text))) {
      entry(change.project).testFiles.push(path);
    }
  }
  const tests = [...byProject.values()].sort((a, b) => a.project.localeCompare(b.project));
  const projectsWithoutTestChanges = tests
    .filter((project) => project.sourceFiles.length > 0 && project.testFiles.length === 0)
    .map((project) => project.project);
  return { tests, projectsWithoutTestChanges };
}
