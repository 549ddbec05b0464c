import { createServer, type Server } from 'node:http';
import { connect } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, cliAsync, repositoryWith, scratchDir } from './cli-process.js';

let registry: Server;
let registryUrl = '';
beforeAll(async () => {
  // A private registry that refuses every request, as one does without a token.
  registry = createServer((_, response) => {
    response.writeHead(401, { 'content-type': 'application/json', 'www-authenticate': 'Bearer' });
    response.end('{"error":"authentication required"}');
  });
  await new Promise<void>((resolve) => registry.listen(0, '127.0.0.1', resolve));
  registryUrl = `http://127.0.0.1:${(registry.address() as AddressInfo).port}/`;
});
afterAll(() => new Promise<void>((resolve) => registry.close(() => resolve())));

/** True when nothing listens on the port, so a connection to it is refused. */
function refused(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', () => resolve(true));
  });
}

interface Command {
  kind: string;
  outcome: string;
  cause?: { kind: string; summary: string; hint?: string };
}

describe('failure causes in words, through the command line', () => {
  it('names each common cause with its hint: missing file, service, registry, tool, version, memory, timeout', async () => {
    const mongoFree = await refused(27017);
    const tests: Record<string, string> = {
      env: 'node --env-file=.env -e 1',
      registry: `npm view left-pad --registry ${registryUrl} --fetch-retries=0`,
      dns: 'npm view left-pad --registry http://registry.acme.invalid/ --fetch-retries=0',
      tool: 'definitely-not-an-installed-tool --version',
      version: 'npm install --engine-strict --no-audit --no-fund',
      memory: `node --max-old-space-size=16 -e "const a = []; for (;;) a.push(new Array(1e5).fill(1))"`,
      other: `node -e "console.log('starting'); console.error('TypeError: price.toFixed is not a function'); process.exit(1)"`,
      ...(mongoFree
        ? {
            mongo: `node -e "require('net').connect(27017, '127.0.0.1').on('error', (e) => { console.error(e); process.exit(1) })"`,
          }
        : {}),
    };
    const made = scratchDir('bda-cli-causes-');
    try {
      const files: Record<string, string> = {
        '.github/backend-developer.yml': [
          'projects:',
          ...Object.entries(tests).flatMap(([name, test]) => [
            `  - path: services/${name}`,
            '    install: "true"',
            `    test: ${JSON.stringify(test)}`,
          ]),
          '',
        ].join('\n'),
      };
      for (const name of Object.keys(tests)) files[`services/${name}/README.md`] = `# ${name}\n`;
      files['services/version/package.json'] = JSON.stringify({
        name: 'v',
        version: '1.0.0',
        engines: { node: '>=99' },
      });
      repositoryWith(made.dir, files);
      // Not spawnSync: the refusing registry is served from this process.
      const run = await cliAsync(['validate', made.dir, '--json']);
      expect(run.code).toBe(1);
      const summary = JSON.parse(run.stdout) as { projects: { project: string; commands: Command[] }[] };
      const cause = (name: string) =>
        summary.projects
          .find((p) => p.project === `services/${name}`)
          ?.commands.find((c) => c.kind === 'test')?.cause;

      expect(cause('env')).toMatchObject({ kind: 'missing-file', summary: 'missing file `.env`' });
      expect(cause('env')?.hint).toContain('cp .env.example .env');
      expect(cause('registry')).toMatchObject({
        kind: 'registry',
        summary: 'the package registry refused access: HTTP 401',
      });
      expect(cause('dns')).toMatchObject({
        kind: 'registry',
        summary: 'package registry not reachable: `registry.acme.invalid` could not be resolved or reached',
      });
      expect(cause('tool')).toMatchObject({
        kind: 'missing-tool',
        summary: '`definitely-not-an-installed-tool` is not installed',
      });
      expect(cause('version')).toMatchObject({ kind: 'wrong-version' });
      expect(cause('version')?.summary).toMatch(/^Node [\d.]+ is running; the project needs >=99$/);
      expect(cause('memory')).toMatchObject({ kind: 'out-of-memory', summary: 'out of memory' });
      expect(cause('other')).toEqual({
        kind: 'error-line',
        summary: 'TypeError: price.toFixed is not a function',
      });
      if (mongoFree) {
        expect(cause('mongo')).toMatchObject({
          kind: 'service-unreachable',
          summary: 'MongoDB not reachable on port 27017 (connection refused)',
        });
        expect(cause('mongo')?.hint).toContain('start MongoDB as a service in the workflow');
      }

      const table = cli(['validate', made.dir, '--project', 'services/env']);
      expect(table.stdout).toContain('| ❌ exit code 9: missing file .env |');
      expect(table.stdout).toMatch(
        /- ❌ `services\/env` test `node --env-file=\.env -e 1`: missing file `\.env` — add `\.env` in CI/,
      );
    } finally {
      made.remove();
    }
  }, 240_000);

  it('says a command timed out, with the limit and how to raise it', () => {
    const made = scratchDir('bda-cli-timeout-');
    try {
      repositoryWith(made.dir, {
        'README.md': '# slow\n',
        '.github/backend-developer.yml':
          'validation: { timeout-minutes: 0.05 }\nprojects:\n  - path: .\n    install: "true"\n    test: sleep 60\n',
      });
      const run = cli(['validate', made.dir, '--json']);
      expect(run.code).toBe(1);
      const summary = JSON.parse(run.stdout) as { projects: { commands: Command[] }[] };
      const test = summary.projects[0]?.commands.find((c) => c.kind === 'test');
      expect(test?.outcome).toBe('timed-out');
      expect(test?.cause).toMatchObject({
        kind: 'timeout',
        summary: 'stopped after 3.0 s (the timeout); its whole process tree was killed',
      });
      expect(test?.cause?.hint).toContain('timeout-minutes');
    } finally {
      made.remove();
    }
  }, 120_000);
});
