import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { withCheckoutCredentialsWithheld } from '../../src/git/withhold-checkout-credentials.js';

const HEADER = 'AUTHORIZATION: basic eC1hY2Nlc3MtdG9rZW46Z2hzX3NlY3JldA==';
const dirs: string[] = [];
const git = (cwd: string, ...args: string[]) => execFileSync('git', args, { cwd, encoding: 'utf8' });

/** A checkout with the token persisted both ways actions/checkout does it (v5 and v6). */
function checkoutWithCredentials(): { repo: string; included: string } {
  const root = mkdtempSync(path.join(os.tmpdir(), 'bda-withhold-'));
  dirs.push(root);
  const repo = path.join(root, 'repo');
  mkdirSync(path.join(repo, 'services/api'), { recursive: true });
  git(repo, 'init', '--quiet');
  git(repo, 'config', 'http.https://github.com/.extraheader', HEADER);
  const included = path.join(root, 'git-credentials-1234.config');
  writeFileSync(
    included,
    `[http "https://github.com/"]\n\textraheader = ${HEADER}\n[core]\n\tsshCommand = ssh\n`,
  );
  git(repo, 'config', `includeIf.gitdir:${path.join(repo, '.git')}.path`, included);
  return { repo, included };
}

const configSeen = (dir: string) => git(dir, 'config', '--list', '--show-origin');
const silentLog = {
  notices: [] as string[],
  notice(m: string) {
    this.notices.push(m);
  },
  warning() {},
};

afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('withCheckoutCredentialsWithheld', () => {
  it('takes the persisted header out of every config file while the work runs, then restores each byte for byte', async () => {
    const { repo, included } = checkoutWithCredentials();
    const before = [readFileSync(path.join(repo, '.git/config')), readFileSync(included)];
    expect(configSeen(repo)).toContain(HEADER);
    const seen = await withCheckoutCredentialsWithheld(
      [path.join(repo, 'services/api')],
      silentLog,
      async () => ({
        config: configSeen(repo),
        files: readFileSync(path.join(repo, '.git/config'), 'utf8') + readFileSync(included, 'utf8'),
      }),
    );
    expect(seen.config).not.toMatch(/extraheader/i);
    expect(seen.files).not.toContain(HEADER);
    // The rest of both files stays as it was.
    expect(seen.config).toContain('core.sshcommand=ssh');
    expect(readFileSync(path.join(repo, '.git/config'))).toEqual(before[0]);
    expect(readFileSync(included)).toEqual(before[1]);
    expect(silentLog.notices.at(-1)).toContain('persist-credentials: false');
  });

  it('restores the credentials when the work throws', async () => {
    const { repo } = checkoutWithCredentials();
    const before = readFileSync(path.join(repo, '.git/config'), 'utf8');
    await expect(
      withCheckoutCredentialsWithheld([repo], silentLog, () => Promise.reject(new Error('tests crashed'))),
    ).rejects.toThrow('tests crashed');
    expect(readFileSync(path.join(repo, '.git/config'), 'utf8')).toBe(before);
  });

  it('changes nothing and says nothing when the checkout persisted no credentials', async () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'bda-withhold-'));
    dirs.push(root);
    git(root, 'init', '--quiet');
    const before = readFileSync(path.join(root, '.git/config'), 'utf8');
    const log = {
      notices: [] as string[],
      notice(m: string) {
        this.notices.push(m);
      },
      warning() {},
    };
    expect(
      await withCheckoutCredentialsWithheld([root, path.join(root, 'missing')], log, async () => 42),
    ).toBe(42);
    expect(readFileSync(path.join(root, '.git/config'), 'utf8')).toBe(before);
    expect(log.notices).toEqual([]);
  });
});
