// Reads one merged pull request from a mirror's history, as SAMPLING.md defines a case.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

/** The mirror's git directory (`<owner>+<name>/repo` or `<owner>+<name>` under BENCH_MIRRORS), or undefined. */
export function mirrorDir(repo) {
  const base = path.join(process.env.BENCH_MIRRORS ?? '/work/.mirror', repo.replace('/', '+'));
  for (const dir of [path.join(base, 'repo'), base]) {
    if (existsSync(path.join(dir, 'HEAD'))) return dir;
  }
  return undefined;
}

export function git(dir, args) {
  return execFileSync('git', ['--git-dir', dir, ...args], { encoding: 'utf8', maxBuffer: 1 << 28 });
}

const MERGE_SUBJECT = /^Merge pull request #\d+ from ([^/\s]+)\/(\S+)/;
const SQUASH_SUBJECT = /\(#\d+\)\s*$/;

/** Title, description, author, branch and changed paths of a commit that merged a PR; undefined for other commits. */
export function readCase(dir, sha, { withPaths = true } = {}) {
  const [parents, authorName, subject, ...rest] = git(dir, [
    'show',
    '-s',
    '--format=%P%x00%an%x00%s%x00%b',
    sha,
  ]).split('\0');
  const parentList = parents.trim().split(' ').filter(Boolean);
  const paths = () =>
    !withPaths
      ? []
      : git(dir, [
          'diff',
          '--name-only',
          '--no-renames',
          parentList[0] ?? '4b825dc642cb6eb9a060e54bf8d69288fbee4904',
          sha,
        ])
          .split('\n')
          .filter(Boolean);
  const body = rest.join('\0').trim();
  const merge = MERGE_SUBJECT.exec(subject);
  if (merge && parentList.length > 1) {
    const lines = body.split('\n');
    const first = lines.findIndex((line) => line.trim() !== '');
    const author = git(dir, ['show', '-s', '--format=%an', parentList[1]]).trim();
    return {
      title: first === -1 ? subject : lines[first].trim(),
      body:
        first === -1
          ? ''
          : lines
              .slice(first + 1)
              .join('\n')
              .trim(),
      author,
      branch: merge[2],
      paths: paths(),
    };
  }
  if (!SQUASH_SUBJECT.test(subject)) return undefined;
  return { title: subject.trim(), body, author: authorName, branch: '', paths: paths() };
}
