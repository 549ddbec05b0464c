import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createFaultBook, type FaultBook, type InjectedFault } from './fake-github-faults.js';
import { plainError, readBody, send } from './fake-github-http.js';
import { dependencyRoutes } from './fake-github-dependency-routes.js';
import { issueRoutes, labelRoutes } from './fake-github-issue-routes.js';
import { pullRoutes } from './fake-github-pull-routes.js';
import { repoRoutes } from './fake-github-repo-routes.js';
import type { RouteHandler, RouteResult } from './fake-github-route.js';
import { createFakeGitHubSeeder, type FakeGitHubSeeder } from './fake-github-seeder.js';
import {
  createFakeGitHubState,
  DEFAULT_OWNER,
  DEFAULT_REPO,
  type FakeGitHubState,
} from './fake-github-state.js';
import { harnessOperations } from './github-operations.js';
import { compileOperations } from './operation-matcher.js';

export type { InjectedFault } from './fake-github-faults.js';

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

const routes: Record<string, RouteHandler> = {
  ...pullRoutes,
  ...issueRoutes,
  ...labelRoutes,
  ...repoRoutes,
  ...dependencyRoutes,
};
const matchOperation = compileOperations(harnessOperations);

interface Answer {
  result: RouteResult;
  operationId: string | null;
  injected: boolean;
}

/** Decides the answer to one request: a webhook check, an error, an injected fault or the route's result. */
async function answerRequest(
  request: IncomingMessage,
  state: FakeGitHubState,
  faults: FaultBook,
  publicUrl: string | undefined,
): Promise<Answer & { url: URL; body: unknown }> {
  const url = new URL(request.url ?? '/', 'http://fake.invalid');
  const method = request.method ?? 'GET';
  const { json, invalid } = await readBody(request);
  const base = { url, body: json, operationId: null, injected: false };
  // A payload sent only so Prism checks it against a webhook schema (see openapi-subset.ts).
  if (method === 'POST' && url.pathname.startsWith('/__webhooks/'))
    return { ...base, result: { status: 200 } };
  const matched = matchOperation(method, url.pathname);
  // Operations outside `/repos/{owner}/{repo}` (the advisory database) belong to no repository.
  const sameRepo =
    matched?.params.owner === undefined ||
    (matched.params.owner.toLowerCase() === state.owner.toLowerCase() &&
      matched.params.repo?.toLowerCase() === state.repo.toLowerCase());
  if (!matched || !sameRepo) return { ...base, result: plainError(404, 'Not Found') };
  const operationId = matched.operation.id;
  if (invalid) return { ...base, operationId, result: plainError(400, 'Problems parsing JSON') };
  const fault = faults.take(matched.operation, matched.params);
  if (fault && !fault.afterEffect) return { ...base, operationId, result: fault.result, injected: true };
  const route = routes[operationId];
  if (!route) throw new Error(`No route for ${operationId}`);
  const result = route({
    state,
    operation: matched.operation,
    params: matched.params,
    query: url.searchParams,
    body: json,
    path: url.pathname,
    publicUrl: publicUrl ?? `http://${request.headers.host ?? '127.0.0.1'}`,
    accept: request.headers.accept ?? '',
  });
  if (fault) return { ...base, operationId, result: fault.result, injected: true };
  return { ...base, operationId, result };
}

/** Starts the fake on 127.0.0.1 at a free port, with an empty repository `owner/repo`. */
export async function startFakeGitHub(options: FakeGitHubOptions = {}): Promise<FakeGitHub> {
  const state = createFakeGitHubState(options.owner ?? DEFAULT_OWNER, options.repo ?? DEFAULT_REPO);
  const faults = createFaultBook();
  const recorded: RecordedRequest[] = [];
  let publicUrl: string | undefined;

  const server: Server = createServer((request, response) => {
    answerRequest(request, state, faults, publicUrl)
      .then((answer) => {
        const stamp = request.headers['x-harness-request-id'];
        recorded.push({
          method: request.method ?? 'GET',
          path: answer.url.pathname,
          query: Object.fromEntries(answer.url.searchParams),
          body: answer.body,
          operationId: answer.operationId,
          status: answer.result.status,
          injectedFault: answer.injected,
          harnessRequestId: typeof stamp === 'string' ? stamp : null,
        });
        send(response, answer.result);
      })
      .catch((error: unknown) => {
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
    fail: (operationId, fault) => faults.add(operationId, fault),
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
