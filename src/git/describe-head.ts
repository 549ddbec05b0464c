import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface LocalChangeFacts {
  title: string;
  body: string;
  branch: string;
  /** The newest commit's author name: `dependabot[bot]` on a dependency update. */
  author: string;
}

/**
 * Stands in for a PR's title, body, branch and author on a local checkout: the newest commit's
 * subject, the commit messages since the base, the current branch and the newest commit's author.
 */
export async function describeLocalChange(
  dir: string,
  base: string,
  head: string,
): Promise<LocalChangeFacts> {
  const git = async (args: string[]) =>
    (await run('git', args, { cwd: dir, encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 })).stdout.trim();
  // Four small questions to git, asked at once.
  const [title, messages, branch, author] = await Promise.all([
    git(['log', '-1', '--format=%s', head]).catch(() => ''),
    git(['log', '--format=%B%x00', `${base}..${head}`, '--']).catch(() => ''),
    git(['rev-parse', '--abbrev-ref', head]).catch(() => ''),
    git(['log', '-1', '--format=%an', head]).catch(() => ''),
  ]);
  // Without the newest subject: that one is already the title.
  const [newest = '', ...older] = messages
    .split('\0')
    .map((m) => m.trim())
    .filter(Boolean);
  const body = [newest.split('\n').slice(1).join('\n').trim(), ...older].filter(Boolean).join('\n\n');
  return { title, body, branch: branch === 'HEAD' ? '' : branch, author };
}
