import type { ValidationSummary } from './validation-result.js';

/** One inline annotation on a changed file, for `core.error`/`core.warning`. */
export interface Annotation {
  level: 'error' | 'warning';
  /** Relative to the repository root. */
  file: string;
  /** Omitted when the tool did not say; the annotation then sits on the file. */
  line?: number;
  title: string;
  message: string;
}

const DEFAULT_CAP = 50;
const MESSAGE_LIMIT = 1_000;

/**
 * Turn test failures and lint findings on the pull request's changed files
 * into annotations: errors first, at most `cap` (GitHub shows only the first
 * few per step anyway, and a wall of them buries the ones that matter).
 * Findings on files the PR did not touch are left to the report.
 */
export function selectAnnotations(
  summary: ValidationSummary,
  changedFiles: string[],
  cap = DEFAULT_CAP,
): Annotation[] {
  const changed = changedFiles.map(normalize);
  const changedSet = new Set(changed);
  const candidates: Annotation[] = [];
  for (const project of summary.projects) {
    for (const command of project.commands) {
      for (const failure of command.tests?.failures ?? []) {
        const file = failure.file && matchChangedFile(failure.file, changed, changedSet);
        if (file)
          candidates.push({
            level: 'error',
            file,
            ...lineOf(failure.line),
            title: `Test failed: ${failure.name}`,
            message: clip(failure.message ?? 'The test failed.'),
          });
      }
      for (const issue of command.lint?.issues ?? []) {
        const file = issue.file && matchChangedFile(issue.file, changed, changedSet);
        const title = issue.rule ? `Lint ${issue.severity}: ${issue.rule}` : `Lint ${issue.severity}`;
        if (file)
          candidates.push({
            level: issue.severity,
            file,
            ...lineOf(issue.line),
            title,
            message: clip(issue.message),
          });
      }
    }
  }
  return deduplicate(candidates)
    .sort((a, b) => (a.level === b.level ? 0 : a.level === 'error' ? -1 : 1))
    .slice(0, Math.max(0, cap));
}

/**
 * The changed file a reported path names: the same path, or, for paths a tool
 * printed without their folders (`calc_test.go`, `com/acme/FooTest.java`) or
 * with a foreign prefix (`/app/src/x.php` in a container), the one changed
 * file that ends with it. Ambiguous suffixes match nothing.
 */
function matchChangedFile(reported: string, changed: string[], changedSet: Set<string>): string | undefined {
  const path = normalize(reported);
  if (changedSet.has(path)) return path;
  const matches = changed.filter((file) => file.endsWith(`/${path}`) || path.endsWith(`/${file}`));
  return matches.length === 1 ? matches[0] : undefined;
}

function normalize(path: string): string {
  return path.replace(/\\/g, '/').replace(/^\.\//, '');
}

function lineOf(line: number | undefined): { line?: number } {
  return line !== undefined && line > 0 ? { line } : {};
}

function clip(message: string): string {
  return message.length > MESSAGE_LIMIT ? `${message.slice(0, MESSAGE_LIMIT)}…` : message;
}

function deduplicate(annotations: Annotation[]): Annotation[] {
  const seen = new Set<string>();
  return annotations.filter((annotation) => {
    const key = [annotation.file, annotation.line, annotation.title, annotation.message].join('\u0000');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
