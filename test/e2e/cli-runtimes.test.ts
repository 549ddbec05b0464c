import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nodeBinary } from '../harness/node-binaries.js';
import { makeCheckout, type Checkout } from './checkout.js';

// package.json `engines` promises the command line on Node 20 and later; the action itself runs on
// the runner's Node 24 (`runs.using: node24`). Both ends of that promise run here.
let auth: Checkout;
beforeAll(() => {
  auth = makeCheckout('auth-service');
});
afterAll(() => auth?.remove());

describe.each(['node20', 'node24'] as const)('the command line under %s', (runtime) => {
  it('prints the JSON report of a local change', () => {
    const run = spawnSync(
      nodeBinary(runtime),
      ['dist/cli.js', 'report', auth.dir, '--base', auth.baseSha, '--no-validate', '--json'],
      { encoding: 'utf8', timeout: 120_000 },
    );
    expect(run.stderr).not.toMatch(/SyntaxError|ERR_|Unsupported engine/);
    expect(run.status).toBe(0);
    expect((JSON.parse(run.stdout) as { type: string }).type).toBe('implementation');
  });
});

it('declares the Node versions it is tested on', () => {
  const manifest = JSON.parse(readFileSync('package.json', 'utf8')) as { engines: { node: string } };
  expect(manifest.engines.node).toBe('>=20');
  expect(readFileSync('.node-version', 'utf8').trim()).toBe('24');
});
