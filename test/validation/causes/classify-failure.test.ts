import { describe, expect, it } from 'vitest';
import { classifyFailure } from '../../../src/validation/causes/classify-failure.js';

const failed = { outcome: 'failed' as const };

/** Real output lines, as each tool prints them. */
const CASES: [string, string, { kind: string; summary: string; hint?: RegExp }][] = [
  [
    'node --env-file',
    'node: .env: not found\n',
    { kind: 'missing-file', summary: 'missing file `.env`', hint: /cp \.env\.example \.env/ },
  ],
  [
    'Node fs',
    "Error: ENOENT: no such file or directory, open '/repo/config/settings.local.json'\n    at Object.openSync (node:fs:573:18)\n",
    {
      kind: 'missing-file',
      summary: 'missing file `settings.local.json`',
      hint: /create `\/repo\/config\/settings\.local\.json`/,
    },
  ],
  [
    'python',
    "FileNotFoundError: [Errno 2] No such file or directory: '.env.test'\n",
    { kind: 'missing-file', summary: 'missing file `.env.test`' },
  ],
  [
    'node-postgres',
    'Error: connect ECONNREFUSED 127.0.0.1:5432\n    at TCPConnectWrap.afterConnect [as oncomplete] (node:net:1555:16)\n',
    {
      kind: 'service-unreachable',
      summary: 'PostgreSQL not reachable on port 5432 (connection refused)',
      hint: /start PostgreSQL as a service in the workflow/,
    },
  ],
  [
    'ioredis on IPv6',
    '[ioredis] Unhandled error event: Error: connect ECONNREFUSED ::1:6379\n',
    { kind: 'service-unreachable', summary: 'Redis not reachable on port 6379 (connection refused)' },
  ],
  [
    'psycopg2',
    'psycopg2.OperationalError: connection to server at "localhost" (127.0.0.1), port 5432 failed: Connection refused\n\tIs the server running on that host and accepting TCP/IP connections?\n',
    { kind: 'service-unreachable', summary: 'PostgreSQL not reachable on port 5432 (connection refused)' },
  ],
  [
    'Go',
    'dial tcp 127.0.0.1:3306: connect: connection refused\n',
    { kind: 'service-unreachable', summary: 'MySQL not reachable on port 3306 (connection refused)' },
  ],
  [
    'npm private registry',
    'npm error code ENOTFOUND\nnpm error network request to http://registry.acme.internal/left-pad failed, reason: getaddrinfo ENOTFOUND registry.acme.internal\n',
    {
      kind: 'registry',
      summary: 'package registry not reachable: `registry.acme.internal` could not be resolved or reached',
      hint: /private registry/,
    },
  ],
  [
    'npm 401',
    'npm error code E401\nnpm error Unable to authenticate, your authentication token seems to be invalid.\n',
    { kind: 'registry', summary: 'the package registry refused access: HTTP 401' },
  ],
  [
    'dash',
    'sh: 1: pytest: not found\n',
    { kind: 'missing-tool', summary: '`pytest` is not installed', hint: /actions\/setup-python/ },
  ],
  [
    'bash',
    'bash: line 1: mvn: command not found\n',
    { kind: 'missing-tool', summary: '`mvn` is not installed', hint: /actions\/setup-java/ },
  ],
  [
    'npm engines',
    'npm error code EBADENGINE\nnpm error notsup Required: {"node":">=22"}\nnpm error notsup Actual:   {"node":"v20.20.2","npm":"11.19.1"}\n',
    { kind: 'wrong-version', summary: 'Node 20.20.2 is running; the project needs >=22' },
  ],
  [
    'pip',
    "ERROR: Package 'app' requires a different Python: 3.9.18 not in '>=3.11'\n",
    { kind: 'wrong-version', summary: 'Python 3.9.18 is running; the project needs >=3.11' },
  ],
  [
    'go toolchain',
    'go: go.mod requires go >= 1.23.0 (running go 1.22.5; GOTOOLCHAIN=local)\n',
    { kind: 'wrong-version', summary: 'Go 1.22.5 is running; go.mod needs 1.23.0 or newer' },
  ],
  [
    'V8',
    'FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory\n',
    { kind: 'out-of-memory', summary: 'out of memory', hint: /max-old-space-size/ },
  ],
  [
    'JVM',
    'java.lang.OutOfMemoryError: Java heap space\n',
    { kind: 'out-of-memory', summary: 'out of memory' },
  ],
  [
    'anything else',
    '> app@1.0.0 test\n> jest\n\nSyntaxError: Unexpected token (3:4)\n    at Parser.pp$4.raise\n',
    { kind: 'error-line', summary: 'SyntaxError: Unexpected token (3:4)' },
  ],
];

describe('classifyFailure', () => {
  for (const [tool, output, expected] of CASES) {
    it(`reads a ${expected.kind} cause from ${tool}`, () => {
      const cause = classifyFailure(failed, output);
      expect(cause).toMatchObject({ kind: expected.kind, summary: expected.summary });
      if (expected.hint) expect(cause?.hint).toMatch(expected.hint);
    });
  }

  it('says a timeout with the limit and how to raise it', () => {
    const cause = classifyFailure({ outcome: 'timed-out', reason: 'stopped after 15 min (the timeout)' }, '');
    expect(cause).toMatchObject({ kind: 'timeout', summary: 'stopped after 15 min (the timeout)' });
    expect(cause?.hint).toContain('timeout-minutes');
  });

  it('finds no cause for a command that passed, and no service in an unrelated port number', () => {
    expect(classifyFailure({ outcome: 'passed' }, 'connect ECONNREFUSED 127.0.0.1:5432')).toBeUndefined();
    expect(classifyFailure(failed, 'listening on 127.0.0.1:5432\n1 failed\n')?.kind).toBe('error-line');
  });

  it('does not read a 401 in a test name as a registry refusal', () => {
    expect(
      classifyFailure(failed, '✗ returns 401 Unauthorized without a token\nAssertionError: expected 200\n')
        ?.kind,
    ).toBe('error-line');
  });
});
