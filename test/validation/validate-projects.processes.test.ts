import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { createRedactor } from '../../src/redaction/redact-secrets.js';
import { validateProjects } from '../../src/validation/validate-projects.js';
import { emptyRoot, isProcessAlive, makeProject, recordingLog } from './validation-test-kit.js';

async function makeDirs(root: string, ...paths: string[]): Promise<void> {
  for (const path of paths) await mkdir(join(root, path), { recursive: true });
}

const baseOptions = (root: string) => ({
  root,
  parallel: 1,
  timeoutMs: 60_000,
  install: 'auto' as const,
  log: recordingLog(),
  redact: (text: string) => text,
});

describe('validateProjects running commands', () => {
  it('kills the whole process tree of a command that runs past its timeout and reports it as timed out', async () => {
    const root = await emptyRoot();
    await makeDirs(root, 'hangs');
    const test = 'sleep 300 & echo $! > grandchild.pid; echo started; wait';
    const summary = await validateProjects([makeProject('hangs', { test })], {
      ...baseOptions(root),
      timeoutMs: 1_000,
      killGraceMs: 500,
    });
    const result = summary.projects[0]?.commands.find((command) => command.kind === 'test');
    const grandchild = Number(await readFile(join(root, 'hangs/grandchild.pid'), 'utf8'));
    expect(result?.outcome).toBe('timed-out');
    expect(result?.reason).toContain('timeout');
    expect(result?.outputTail).toContain('started');
    expect(result?.durationMs).toBeLessThan(10_000);
    await sleep(100);
    expect(isProcessAlive(grandchild)).toBe(false);
    expect(summary.status).toBe('failed');
  });

  it('follows SIGTERM with SIGKILL when the command ignores it', async () => {
    const root = await emptyRoot();
    await makeDirs(root, 'stubborn');
    const test = `trap '' TERM; sh -c "trap '' TERM; echo \\$\\$ > inner.pid; while true; do sleep 0.1; done" & wait`;
    const summary = await validateProjects([makeProject('stubborn', { test })], {
      ...baseOptions(root),
      timeoutMs: 1_000,
      killGraceMs: 300,
    });
    const inner = Number(await readFile(join(root, 'stubborn/inner.pid'), 'utf8'));
    expect(summary.projects[0]?.commands.find((command) => command.kind === 'test')?.outcome).toBe(
      'timed-out',
    );
    await sleep(100);
    expect(isProcessAlive(inner)).toBe(false);
  });

  it('reports a failed install, skips that project’s tests and lint, and goes on with the others', async () => {
    const root = await emptyRoot();
    await makeDirs(root, 'broken', 'healthy');
    const projects = [
      makeProject(
        'broken',
        { install: 'echo "E404 not found" >&2; exit 3', test: 'touch tests-ran', lint: 'true' },
        { packageManager: 'npm' },
      ),
      makeProject('healthy', { test: 'echo all good' }),
    ];
    const summary = await validateProjects(projects, baseOptions(root));
    const [broken, healthy] = summary.projects;
    expect(broken?.commands.map((command) => [command.kind, command.outcome])).toEqual([
      ['install', 'failed'],
      ['test', 'skipped'],
      ['lint', 'skipped'],
    ]);
    expect(broken?.commands[0]).toMatchObject({ exitCode: 3, reason: 'exit code 3' });
    expect(broken?.commands[0]?.outputTail).toContain('E404 not found');
    expect(broken?.commands[1]?.reason).toBe('skipped because the install failed');
    await expect(readFile(join(root, 'broken/tests-ran'))).rejects.toThrow();
    expect(healthy?.outcome).toBe('passed');
    expect(summary.status).toBe('failed');
  });

  it('skips install: auto when node_modules is already there, and says why', async () => {
    const root = await emptyRoot();
    await makeDirs(root, 'ready/node_modules');
    const project = makeProject(
      'ready',
      { install: 'touch installed', test: 'true' },
      { packageManager: 'npm' },
    );
    const summary = await validateProjects([project], baseOptions(root));
    expect(summary.projects[0]?.commands[0]).toMatchObject({ kind: 'install', outcome: 'skipped' });
    expect(summary.projects[0]?.commands[0]?.reason).toContain('node_modules is already present');
    await expect(readFile(join(root, 'ready/installed'))).rejects.toThrow();
  });

  it('installs a workspace member at its workspace root and runs its tests in its own folder', async () => {
    const root = await emptyRoot();
    await makeDirs(root, 'apps/api');
    const member = makeProject(
      'apps/api',
      { install: 'pwd > installed-here', test: 'pwd > tested-here' },
      { packageManager: 'pnpm', workspace: '.' },
    );
    const summary = await validateProjects([member], baseOptions(root));
    expect(summary.projects[0]?.outcome).toBe('passed');
    expect((await readFile(join(root, 'installed-here'), 'utf8')).trim()).toBe(root);
    expect((await readFile(join(root, 'apps/api/tested-here'), 'utf8')).trim()).toBe(join(root, 'apps/api'));
    await expect(readFile(join(root, 'apps/api/installed-here'))).rejects.toThrow();
  });

  it('redacts a secret printed from the environment in the log, the stored output and parsed failures', async () => {
    const root = await emptyRoot();
    await makeDirs(root, 'leaky');
    const secret = 'fake-secret-value-1234567890';
    const env = { ...process.env, SERVICE_API_TOKEN: secret };
    const test = [
      'echo "connecting with $SERVICE_API_TOKEN"',
      'echo "token on stderr: $SERVICE_API_TOKEN" >&2',
      `printf '<testsuites><testsuite><testcase classname="a" name="uses %s"><failure message="bad %s"/></testcase></testsuite></testsuites>' "$SERVICE_API_TOKEN" "$SERVICE_API_TOKEN" > junit.xml`,
      'exit 1',
    ].join('; ');
    const log = recordingLog();
    const summary = await validateProjects([makeProject('leaky', { test: `${test} # literal ${secret}` })], {
      ...baseOptions(root),
      env,
      log,
      redact: createRedactor({ env }),
    });
    const result = summary.projects[0]?.commands.find((command) => command.kind === 'test');
    expect(result?.outputTail).toContain('connecting with [redacted: SERVICE_API_TOKEN]');
    expect(log.text()).toContain('token on stderr: [redacted: SERVICE_API_TOKEN]');
    expect(JSON.stringify(summary)).not.toContain(secret);
    expect(log.text()).not.toContain(secret);
    expect(result?.tests?.failures[0]).toMatchObject({
      name: expect.stringContaining('uses [redacted: SERVICE_API_TOKEN]'),
      message: 'bad [redacted: SERVICE_API_TOKEN]',
    });
  });

  it('does not hand the action’s inputs and runtime token to project commands', async () => {
    const root = await emptyRoot();
    await makeDirs(root, 'env');
    const env = {
      ...process.env,
      'INPUT_ANTHROPIC-API-KEY': 'sk-input',
      ACTIONS_RUNTIME_TOKEN: 'runtime',
      KEEP_ME: 'kept',
    };
    const summary = await validateProjects([makeProject('env', { test: 'env' })], {
      ...baseOptions(root),
      env,
    });
    const output = summary.projects[0]?.commands.find((command) => command.kind === 'test')?.outputTail ?? '';
    expect(output).toContain('KEEP_ME=kept');
    expect(output).not.toContain('sk-input');
    expect(output).not.toContain('runtime');
  });

  it('runs two projects at the same time with parallel 2 and logs each command as one unbroken group', async () => {
    const root = await emptyRoot();
    await makeDirs(root, 'one', 'two');
    const test = `node -e "console.log('start', Date.now()); setTimeout(() => console.log('end', Date.now()), 700)"`;
    const log = recordingLog();
    const summary = await validateProjects([makeProject('one', { test }), makeProject('two', { test })], {
      ...baseOptions(root),
      parallel: 2,
      log,
    });
    const windows = summary.projects.map((project) => {
      const output = project.commands.find((command) => command.kind === 'test')?.outputTail ?? '';
      return { start: Number(/start (\d+)/.exec(output)?.[1]), end: Number(/end (\d+)/.exec(output)?.[1]) };
    });
    const [first, second] = windows;
    expect(first && second && first.start < second.end && second.start < first.end).toBe(true);
    const types = log.events.map((event) => event.type).join(' ');
    expect(types).toMatch(/^(start (write )+end ?)+$/);
    expect(
      log.events
        .filter((event) => event.type === 'start')
        .map((event) => 'title' in event && event.title)
        .sort(),
    ).toEqual(['one: test · ' + test, 'two: test · ' + test]);
  });

  it('keeps only the last megabyte of a very long output', async () => {
    const root = await emptyRoot();
    await makeDirs(root, 'chatty');
    const test = `node -e "for (let i = 0; i < 40000; i++) console.log('line ' + i + ' ' + 'x'.repeat(40))"`;
    const summary = await validateProjects([makeProject('chatty', { test })], baseOptions(root));
    const result = summary.projects[0]?.commands.find((command) => command.kind === 'test');
    expect(result?.outputTruncated).toBe(true);
    expect(Buffer.byteLength(result?.outputTail ?? '')).toBeLessThanOrEqual(1024 * 1024);
    expect(result?.outputTail).toContain('line 39999 ');
    expect(result?.outputTail).not.toContain('line 0 ');
  });

  it('reports a suggested command whose tool is missing as skipped, and a configured one as an error', async () => {
    const root = await emptyRoot();
    await makeDirs(root, 'tools');
    const missing = 'definitely-not-a-linter-bda --check';
    const project = makeProject('tools', {
      test: { run: missing, source: 'config' },
      lint: { run: missing, source: 'default', suggested: true },
    });
    const summary = await validateProjects([project], baseOptions(root));
    const outcomes = summary.projects[0]?.commands.map((command) => [command.kind, command.outcome]);
    expect(outcomes).toEqual([
      ['test', 'error'],
      ['lint', 'skipped'],
    ]);
  });

  it('refuses a project path that leaves the repository root', async () => {
    const root = await emptyRoot();
    await writeFile(join(root, 'marker'), '');
    const summary = await validateProjects(
      [makeProject('../elsewhere', { test: 'touch ../escaped' })],
      baseOptions(root),
    );
    expect(summary.projects[0]?.outcome).toBe('failed');
    expect(summary.projects[0]?.commands[0]?.reason).toContain('outside the repository root');
  });
});
