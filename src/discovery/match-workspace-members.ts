import { Minimatch } from 'minimatch';

/**
 * The candidate directories a workspace's member globs select. `patterns` are relative
 * to `root` (`packages/*`, `apps/**`, `!packages/legacy`); exclusions may also come as
 * a separate list (Cargo's and uv's `exclude`). The root itself is never its own member.
 */
export function matchWorkspaceMembers(
  root: string,
  patterns: readonly string[],
  candidates: readonly string[],
  exclude: readonly string[] = [],
): string[] {
  const compile = (pattern: string): Minimatch =>
    new Minimatch(pattern.replace(/^\.\//, '').replace(/\/+$/, ''), { dot: false });
  const included = patterns.filter((pattern) => !pattern.startsWith('!')).map(compile);
  const excluded = [
    ...patterns.filter((pattern) => pattern.startsWith('!')).map((pattern) => pattern.slice(1)),
    ...exclude,
  ].map(compile);
  const prefix = root === '.' ? '' : `${root}/`;
  return candidates.filter((candidate) => {
    if (candidate === root || !candidate.startsWith(prefix)) return false;
    const local = candidate.slice(prefix.length);
    return included.some((glob) => glob.match(local)) && !excluded.some((glob) => glob.match(local));
  });
}
