// `npm run demo`: builds a throw-away git repository from examples/orders-service (a base
// commit on `main`, then a feature branch with the head/ files) and prints the report that
// `backend-developer report` gives for that change.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const example = path.join(repoRoot, 'examples', 'orders-service');
const work = mkdtempSync(path.join(os.tmpdir(), 'backend-developer-demo-'));

const git = (...args) =>
  execFileSync(
    'git',
    ['-c', 'user.name=Demo', '-c', 'user.email=demo@example.com', '-c', 'commit.gpgsign=false', ...args],
    {
      cwd: work,
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );

try {
  git('init', '--quiet', '--initial-branch=main');
  cpSync(path.join(example, 'base'), work, { recursive: true });
  git('add', '--all');
  git('commit', '--quiet', '-m', 'Orders and billing services');
  git('checkout', '--quiet', '-b', 'feature/order-refunds');
  cpSync(path.join(example, 'head'), work, { recursive: true });
  git('add', '--all');
  git(
    'commit',
    '--quiet',
    '-m',
    'feat(orders): refund an order',
    '-m',
    'Adds POST /orders/:id/refunds and the refunds table.',
  );
  const cli = path.join(repoRoot, 'dist', 'cli.js');
  const result = spawnSync(
    process.execPath,
    [cli, 'report', work, '--base', 'main', ...process.argv.slice(2)],
    { stdio: 'inherit' },
  );
  process.exitCode = result.status ?? 1;
} finally {
  rmSync(work, { recursive: true, force: true });
}
