import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { harnessOperations, harnessWebhooks, type GitHubOperation } from './github-operations.js';
import { addProseOnlyMediaTypes, extractOpenApiSubset, loadGitHubOpenApi } from './openapi-subset.js';
import { startRecordingProxy, type Violation } from './recording-proxy.js';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** Prism validating traffic to an upstream, behind a recorder of its verdicts. */
export interface PrismProxy {
  /** Where clients should send requests: the recorder, which forwards to Prism. */
  url: string;
  /** Prism's own address. */
  prismUrl: string;
  /** Every violation Prism reported so far (errors and warnings). */
  violations(): Violation[];
  clearViolations(): void;
  /** Prism's log lines, for failure messages. */
  log(): string[];
  stop(): Promise<void>;
}

/** Options of `startPrismProxy`. */
export interface PrismProxyOptions {
  /** The server Prism forwards to (the fake GitHub). */
  upstreamUrl: string;
  /** Operations to keep from GitHub's description; defaults to every operation the fake serves. */
  operations?: readonly GitHubOperation[];
  /** Webhook payload schemas to serve at `POST /__webhooks/<key>`; defaults to the events the action handles. */
  webhooks?: readonly string[];
  /** How long to wait for Prism to listen; generous because a busy 2-core machine is slow. */
  readyTimeoutMs?: number;
}

const READY_LINE = /Prism is listening on (http:\/\/[\d.]+:\d+)/;
// eslint-disable-next-line no-control-regex -- Prism colours its log when it thinks it has a terminal.
const ANSI = /\u001b\[[0-9;]*m/g;

/**
 * Prism runs under a small watchdog: when this process dies without cleaning up (a killed
 * Vitest worker, Ctrl-C, where no 'exit' handler runs), the watchdog's stdin closes and it
 * stops Prism, so no Prism outlives the tests. SIGTERM is passed on, then SIGKILL after 4 s.
 */
const WATCHDOG = `
const { spawn } = require('node:child_process');
const prism = spawn(process.execPath, process.argv.slice(1), { stdio: ['ignore', 'inherit', 'inherit'] });
const stop = () => { prism.kill('SIGTERM'); setTimeout(() => prism.kill('SIGKILL'), 4000).unref(); };
process.stdin.on('end', stop);
process.stdin.on('error', stop);
process.stdin.resume();
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
prism.on('exit', (code) => process.exit(code ?? 0));
`;

/** Live Prism processes, killed on exit if a test run ends without calling `stop()`. */
const running = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

function waitForReady(child: ChildProcess, lines: string[], timeoutMs: number): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    const timer = setTimeout(() => fail(new Error(`Prism did not start within ${timeoutMs} ms`)), timeoutMs);
    const fail = (error: Error): void => {
      clearTimeout(timer);
      reject(new Error(`${error.message}\n${lines.slice(-20).join('\n')}`));
    };
    const onLine = (line: string): void => {
      const ready = READY_LINE.exec(line);
      if (!ready?.[1]) return;
      clearTimeout(timer);
      resolvePromise(ready[1]);
    };
    let buffered = '';
    const onData = (chunk: Buffer): void => {
      buffered += chunk.toString('utf8').replace(ANSI, '');
      const parts = buffered.split('\n');
      buffered = parts.pop() ?? '';
      for (const line of parts) {
        if (lines.length < 2000) lines.push(line);
        onLine(line);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code, signal) =>
      fail(new Error(`Prism exited early (code ${code}, signal ${signal})`)),
    );
    child.once('error', fail);
  });
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolvePromise) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 5000);
    child.once('exit', () => {
      clearTimeout(force);
      resolvePromise();
    });
    child.kill('SIGTERM');
  });
}

/**
 * Starts `prism proxy --errors` in front of `upstreamUrl`, loaded with the subset of GitHub's
 * REST description the harness needs (written to a temp file), and a recording proxy in front
 * of Prism. Prism picks its own port (`--port 0`); the port is read from its "listening" line.
 * It runs on this process's Node (`process.execPath`) rather than through the `.bin` shebang,
 * because `npx` puts `node_modules/.bin/node` (Node 24) first on PATH.
 */
export async function startPrismProxy(options: PrismProxyOptions): Promise<PrismProxy> {
  const directory = mkdtempSync(join(tmpdir(), 'github-openapi-'));
  const specPath = join(directory, 'github-subset.json');
  const subset = extractOpenApiSubset(
    loadGitHubOpenApi(),
    options.operations ?? harnessOperations,
    options.webhooks ?? harnessWebhooks,
  );
  writeFileSync(specPath, JSON.stringify(addProseOnlyMediaTypes(subset)));
  const prismScript = realpathSync(join(REPO_ROOT, 'node_modules/.bin/prism'));
  const args = ['proxy', '--errors', specPath, options.upstreamUrl, '--port', '0', '--host', '127.0.0.1'];
  const child = spawn(process.execPath, ['-e', WATCHDOG, prismScript, ...args], {
    stdio: ['pipe', 'pipe', 'pipe'],
    env: { ...process.env, FORCE_COLOR: '0' },
  });
  running.add(child);
  child.once('exit', () => running.delete(child));
  const lines: string[] = [];
  let prismUrl: string;
  try {
    prismUrl = await waitForReady(child, lines, options.readyTimeoutMs ?? 60_000);
  } catch (error) {
    await stopChild(child);
    rmSync(directory, { recursive: true, force: true });
    throw error;
  }
  const recorder = await startRecordingProxy(prismUrl);
  return {
    url: recorder.url,
    prismUrl,
    violations: () => recorder.violations(),
    clearViolations: () => recorder.clear(),
    log: () => [...lines],
    async stop() {
      await recorder.stop();
      await stopChild(child);
      rmSync(directory, { recursive: true, force: true });
    },
  };
}
