import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decideInstall } from '../../src/validation/decide-install.js';
import { emptyRoot, makeProject } from './validation-test-kit.js';

describe('decideInstall', () => {
  it('skips when install is set to skip or there is no install command', async () => {
    const dir = await emptyRoot();
    expect(decideInstall(makeProject('.', { install: 'npm ci' }), dir, 'skip')).toEqual({
      run: false,
      reason: 'install is set to skip',
    });
    expect(decideInstall(makeProject('.', {}), dir, 'auto').run).toBe(false);
  });

  it('runs npm ci until node_modules exists', async () => {
    const dir = await emptyRoot();
    const project = makeProject('.', { install: 'npm ci' }, { packageManager: 'npm' });
    expect(decideInstall(project, dir, 'auto').run).toBe(true);
    await mkdir(join(dir, 'node_modules'));
    expect(decideInstall(project, dir, 'auto')).toEqual({
      run: false,
      reason: 'node_modules is already present (node_modules); install: auto skips it',
    });
  });

  it('trusts a Python virtual environment only with its pyvenv.cfg marker', async () => {
    const dir = await emptyRoot();
    const project = makeProject(
      '.',
      { install: 'pip install -r requirements.txt' },
      { language: 'python', packageManager: 'pip' },
    );
    await mkdir(join(dir, '.venv'));
    expect(decideInstall(project, dir, 'auto').run).toBe(true);
    await writeFile(join(dir, '.venv/pyvenv.cfg'), 'home = /usr/bin\n');
    expect(decideInstall(project, dir, 'auto').run).toBe(false);
  });

  it('skips Composer and Bundler installs when vendor is populated', async () => {
    const dir = await emptyRoot();
    await mkdir(join(dir, 'vendor/bundle'), { recursive: true });
    await writeFile(join(dir, 'vendor/autoload.php'), '<?php');
    expect(
      decideInstall(
        makeProject('.', { install: 'composer install' }, { language: 'php', packageManager: 'composer' }),
        dir,
        'auto',
      ).run,
    ).toBe(false);
    expect(
      decideInstall(
        makeProject('.', { install: 'bundle install' }, { language: 'ruby', packageManager: 'bundler' }),
        dir,
        'auto',
      ).run,
    ).toBe(false);
  });

  it('always runs Go and Cargo installs, which are cheap with their caches', async () => {
    const dir = await emptyRoot();
    const decision = decideInstall(
      makeProject('.', { install: 'go mod download' }, { language: 'go', packageManager: 'go' }),
      dir,
      'auto',
    );
    expect(decision).toEqual({
      run: true,
      reason: 'go reuses its cache, so the install is cheap when nothing changed',
    });
  });
});
