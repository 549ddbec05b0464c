import { existsSync } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { CommandResult } from './validation-result.js';

/**
 * Rewrite the file paths tools printed (absolute, relative to the project, or
 * relative to the repository) as paths relative to the repository root, which
 * is what annotations and the report use. A path that cannot be placed (a bare
 * `calc_test.go` from Go, a `com/acme/FooTest.java` from a stack frame) is kept
 * as printed; annotation selection matches it by suffix.
 */
export function resolveReportedPaths(
  result: Pick<CommandResult, 'tests' | 'lint'>,
  root: string,
  projectDir: string,
): void {
  const cache = new Map<string, string>();
  const place = (file: string): string => {
    const cached = cache.get(file);
    if (cached !== undefined) return cached;
    const placed = placePath(file, root, projectDir);
    cache.set(file, placed);
    return placed;
  };
  for (const failure of result.tests?.failures ?? []) if (failure.file) failure.file = place(failure.file);
  for (const issue of result.lint?.issues ?? []) if (issue.file) issue.file = place(issue.file);
}

function placePath(file: string, root: string, projectDir: string): string {
  const cleaned = file.replace(/^file:\/\//, '').replace(/\\/g, '/');
  const candidates = isAbsolute(cleaned) ? [cleaned] : [join(projectDir, cleaned), join(root, cleaned)];
  const existing =
    candidates.find((candidate) => existsSync(candidate)) ?? (isAbsolute(cleaned) ? cleaned : undefined);
  if (existing === undefined) return cleaned.replace(/^\.\//, '');
  const fromRoot = relative(resolve(root), resolve(existing));
  if (fromRoot.startsWith('..') || isAbsolute(fromRoot)) return cleaned;
  return fromRoot.split(sep).join('/');
}
