import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { delimiter, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** The Node versions a test can run the action on. */
export type NodeRuntime = 'node20' | 'node24';

const found = new Map<NodeRuntime, string>();

function majorVersion(binary: string): number | undefined {
  const result = spawnSync(binary, ['--version'], { encoding: 'utf8', timeout: 10_000 });
  const major = /^v(\d+)\./.exec(result.stdout ?? '')?.[1];
  return major === undefined ? undefined : Number(major);
}

/**
 * Node 20 candidates: this process's Node, then `node` on PATH skipping `node_modules/.bin`
 * (under `npx`, that directory comes first and holds the Node 24 binary of the `node` package),
 * then the usual system locations.
 */
function node20Candidates(): string[] {
  const onPath = (process.env.PATH ?? '')
    .split(delimiter)
    .filter((directory) => directory.length > 0 && !directory.includes('node_modules'))
    .map((directory) => join(directory, 'node'));
  return [process.execPath, ...onPath, '/usr/bin/node', '/usr/local/bin/node'];
}

/** Absolute path of a Node binary of the requested major version; throws when none is installed. */
export function nodeBinary(runtime: NodeRuntime): string {
  const cached = found.get(runtime);
  if (cached) return cached;
  const wanted = runtime === 'node24' ? 24 : 20;
  const candidates = runtime === 'node24' ? [join(REPO_ROOT, 'node_modules/.bin/node')] : node20Candidates();
  const binary = candidates.find((candidate) => existsSync(candidate) && majorVersion(candidate) === wanted);
  if (!binary) {
    const hint = runtime === 'node24' ? 'the `node` npm package (devDependency)' : 'Node 20 on PATH';
    throw new Error(`No Node ${wanted} binary found (looked at ${candidates.join(', ')}); install ${hint}`);
  }
  found.set(runtime, binary);
  return binary;
}
