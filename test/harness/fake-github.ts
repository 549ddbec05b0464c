import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { issueRoutes, labelRoutes } from './fake-github-issue-routes.js';
import { pullRoutes } from './fake-github-pull-routes.js';
import { repoRoutes } from './fake-github-repo-routes.js';
import {
  defaultFaultBody,
  type RouteContext,
  type RouteHandler,
  type RouteResult,
} from './fake-github-route.js';
import {
  createFakeGitHubState,
  DEFAULT_OWNER,
  DEFAULT_REPO,
  type FakeGitHubState,
} from './fake-github-state.js';
import { createFakeGitHubSeeder, type FakeGitHubSeeder } from './fake-github-seeder.js';
import { harnessOperations, type GitHubOperation } from './github-operations.js';
import { compileOperations } from './operation-matcher.js';

/** A request as the fake received it, with what it answered. */
export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  body: unknown;
  /** Octokit's name of the operation, or null when no operation matched. */
  operationId: string | null;
  status: number;
  /** True when the answer came from `fail()` rather than from the fake's state. */
  injectedFault: boolean;
  /** The id the recording proxy stamped on the request, to pair it with Prism's verdict. */
  harnessRequestId: string | null;
}

/** An error the fake answers instead of the real result, `times` times (default once) or always. */
export interface InjectedFault {
  status: number;
  /** Defaults to GitHub's error body for the status, e.g. 403 "Resource not accessible by integration". */
  body?: unknown;
  headers?: Record<string, string>;
  times?: number | 'always';
}

/** A running fake GitHub REST API. */
export interface FakeGitHub {
  /** The fake's own address; clients should call it through Prism (see `startGitHubHarness`). */
  url: string;
  state: FakeGitHubState;
  seed: FakeGitHubSeeder;
  /** Makes `operationId` (e.g. `issues/create-comment`) answer an error. */
  fail(operationId: string, fault: InjectedFault): void;
  clearFaults(): void;
  /** Empties the repository, the request log and the faults; ids keep increasing, as on GitHub. */
  reset(): void;
  /** Requests received so far, optionally only those of one operation. */
  requests(operationId?: string): RecordedRequest[];
  /** Sets the address `Link` headers point at (the address clients call). */
  setPublicUrl(url: string): void;
  stop(): Promise<void>;
}

/** Options of `startFakeGitHub`. */
export interface FakeGitHubOptions {
  owner?: string;
  repo?: string;
}

const routes: Record<string, RouteHandler> = { ...pullRoutes, ...issueRoutes, ...labelRoutes, ...repoRoutes };
const matchOperation = compileOperations(harnessOperations);

async function readBody(
  request: IncomingMessage,
): Promise<{ text: string; json: unknown; invalid: boolean }> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  if (text.length === 0) return { text, json: undefined, invalid: false };
  try {
    return { text, json: JSON.parse(text) as unknown, invalid: false };
  } catch {
    return { text, json: text, invalid: true };
  }
}

let requestCounter = 0;

/** Headers GitHub sends on every API response. */
function commonHeaders(): Record<string, string> {
  requestCounter += 1;
  return {
    'x-github-request-id': `FAKE:${process.pid}:${requestCounter}`,
    'x-github-api-version-selected': '2022-11-28',
    'x-github-media-type': 'github.v3; format=json',
    'x-ratelimit-limit': '5000',
    'x-ratelimit-remaining': '4999',
    'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) + 3600),
    'x-ratelimit-used': '1',
    'x-ratelimit-resource': 'core',
  };
}

function send(response: ServerResponse, result: RouteResult): void {
  const headers = { ...commonHeaders(), ...result.headers };
  if (result.raw) {
    response.writeHead(result.status, { ...headers, 'content-type': result.raw.contentType });
    response.end(result.raw.text);
  } else if (result.body === undefined) {
    response.writeHead(result.status, headers);
    response.end();
  } else {
    response.writeHead(result.status, { ...headers, 'content-type': 'application/json; charset=utf-8' });
    response.end(JSON.stringify(result.body));
  }
}

/** Starts the fake on 127.0.0.1 at a free port, with an empty repository `owner/repo`. */
export async function startFakeGitHub(options: FakeGitHubOptions = {}): Promise<FakeGitHub> {
  const state = createFakeGitHubState(options.owner ?? DEFAULT_OWNER, options.repo ?? DEFAULT_REPO);
  const faults = new Map<string, InjectedFault[]>();
  const recorded: RecordedRequest[] = [];
  let publicUrl: string | undefined;

  const answer = (
    operation: GitHubOperation,
    context: RouteContext,
  ): { result: RouteResult; injected: boolean } => {
    const queue = faults.get(operation.id) ?? [];
    const fault = queue[0];
    if (fault) {
      if (fault.times !== 'always') {
        fault.times = (fault.times ?? 1) - 1;
        if (fault.times <= 0) queue.shift();
      }
      const fallback = defaultFaultBody(operation, fault.status);
      return {
        result: { status: fault.status, body: fault.body ?? fallback.body, headers: fault.headers ?? {} },
        injected: true,
      };
    }
    const route = routes[operation.id];
    if (!route) throw new Error(`No route for ${operation.id}`);
    return { result: route(context), injected: false };
  };

  const server: Server = createServer((request, response) => {
    void (async () => {
      const url = new URL(request.url ?? '/', 'http://fake.invalid');
      const method = request.method ?? 'GET';
      const { json, invalid } = await readBody(request);
      const matched = matchOperation(method, url.pathname);
      const sameRepo =
        matched?.params.owner?.toLowerCase() === state.owner.toLowerCase() &&
        matched.params.repo?.toLowerCase() === state.repo.toLowerCase();
      let outcome: { result: RouteResult; injected: boolean };
      if (method === 'POST' && url.pathname.startsWith('/__webhooks/')) {
        // A payload sent only so Prism checks it against the webhook's schema (see openapi-subset.ts).
        outcome = { result: { status: 200 }, injected: false };
      } else if (!matched || !sameRepo) {
        outcome = {
          result: {
            status: 404,
            body: { message: 'Not Found', documentation_url: 'https://docs.github.com/rest', status: '404' },
          },
          injected: false,
        };
      } else if (invalid) {
        outcome = {
          result: {
            status: 400,
            body: {
              message: 'Problems parsing JSON',
              documentation_url: 'https://docs.github.com/rest',
              status: '400',
            },
          },
          injected: false,
        };
      } else {
        outcome = answer(matched.operation, {
          state,
          operation: matched.operation,
          params: matched.params,
          query: url.searchParams,
          body: json,
          path: url.pathname,
          publicUrl: publicUrl ?? `http://${request.headers.host ?? '127.0.0.1'}`,
          accept: request.headers.accept ?? '',
        });
      }
      const stamp = request.headers['x-harness-request-id'];
      recorded.push({
        method,
        path: url.pathname,
        query: Object.fromEntries(url.searchParams),
        body: json,
        operationId: matched?.operation.id ?? null,
        status: outcome.result.status,
        injectedFault: outcome.injected,
        harnessRequestId: typeof stamp === 'string' ? stamp : null,
      });
      send(response, outcome.result);
    })().catch((error: unknown) => {
      response.writeHead(500, { 'content-type': 'text/plain' });
      response.end(`fake GitHub failed: ${error instanceof Error ? error.stack : String(error)}`);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    state,
    seed: createFakeGitHubSeeder(state),
    fail(operationId, fault) {
      if (!harnessOperations.some((operation) => operation.id === operationId)) {
        throw new Error(
          `Unknown operation ${operationId}; known: ${harnessOperations.map((op) => op.id).join(', ')}`,
        );
      }
      const queue = faults.get(operationId) ?? [];
      queue.push({ ...fault });
      faults.set(operationId, queue);
    },
    clearFaults: () => faults.clear(),
    reset() {
      const { nextId, lastTime } = state;
      Object.assign(state, createFakeGitHubState(state.owner, state.repo), { nextId, lastTime });
      faults.clear();
      recorded.length = 0;
    },
    requests: (operationId) =>
      recorded.filter((entry) => operationId === undefined || entry.operationId === operationId),
    setPublicUrl(url) {
      publicUrl = url.replace(/\/$/, '');
    },
    stop: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
