import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { answerBlobRequest } from './fake-blob-storage.js';
import { createFakeResultsState, type FakeResultsState, type StoredArtifact } from './fake-results-state.js';
import { artifactServiceMethods, twirpError, type TwirpAnswer } from './fake-results-twirp.js';
import { readRuntimeToken } from './runtime-token.js';

const TWIRP_PREFIX = '/twirp/github.actions.results.api.v1.ArtifactService/';

/** A request as the fake received it, with its answer's status. */
export interface RecordedResultsRequest {
  kind: 'twirp' | 'blob';
  method: string;
  /** The path without the query (blob paths) or the Twirp method name (e.g. `CreateArtifact`). */
  target: string;
  query: Record<string, string>;
  headers: Record<string, string>;
  /** The parsed JSON of a Twirp request; the byte count of a blob request. */
  body: unknown;
  status: number;
}

/** A running stand-in for the Actions results service and the blob storage its signed URLs point at. */
export interface FakeResultsService {
  /** The value for `ACTIONS_RESULTS_URL`. */
  url: string;
  state: FakeResultsState;
  requests: RecordedResultsRequest[];
  /** Twirp methods called so far, in order. */
  twirpCalls(): string[];
  /** Finalized artifacts, as a later ListArtifacts would return them. */
  artifacts(): StoredArtifact[];
  /** Makes the next `times` CreateArtifact of `name` answer 409 even after a delete, as the real service briefly does. */
  keepNameTaken(name: string, times: number): void;
  stop(): Promise<void>;
}

async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function answerTwirp(
  state: FakeResultsState,
  baseUrl: string,
  request: IncomingMessage,
  method: string,
  body: unknown,
): TwirpAnswer {
  const handler = artifactServiceMethods[method];
  if (request.method !== 'POST' || !handler)
    return twirpError(404, 'bad_route', `no handler for ${request.method} ${method}`);
  if (!String(request.headers['content-type']).startsWith('application/json')) {
    return twirpError(400, 'malformed', 'this fake speaks Twirp JSON only');
  }
  const caller = readRuntimeToken(request.headers.authorization);
  if (!caller) return twirpError(401, 'unauthenticated', 'missing or invalid runtime token');
  return handler({ state, baseUrl, caller, body });
}

function flatHeaders(request: IncomingMessage): Record<string, string> {
  return Object.fromEntries(Object.entries(request.headers).map(([name, value]) => [name, String(value)]));
}

function parseJson(bytes: Buffer): unknown {
  try {
    return JSON.parse(bytes.toString('utf8')) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * Starts, on 127.0.0.1, a stand-in for what `@actions/artifact` talks to on a
 * runner: the results service's Twirp JSON API under `/twirp/…` and an Azure
 * block-blob store for the signed URLs it hands out. State lives in memory, so
 * what one job uploads another job (another token, same run) can list and download.
 */
export async function startFakeResultsService(): Promise<FakeResultsService> {
  const state = createFakeResultsState();
  const requests: RecordedResultsRequest[] = [];
  let baseUrl = '';

  async function respond(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', baseUrl);
    const bytes = await readBody(request);
    const query = Object.fromEntries(url.searchParams);
    const headers = flatHeaders(request);
    const method = request.method ?? 'GET';
    if (url.pathname.startsWith(TWIRP_PREFIX)) {
      const rpc = url.pathname.slice(TWIRP_PREFIX.length);
      const body = parseJson(bytes);
      const answer = answerTwirp(state, baseUrl, request, rpc, body);
      requests.push({ kind: 'twirp', method, target: rpc, query, headers, body, status: answer.status });
      response
        .writeHead(answer.status, { 'content-type': 'application/json' })
        .end(JSON.stringify(answer.body));
      return;
    }
    const answer = answerBlobRequest(state, request, url, bytes);
    requests.push({
      kind: 'blob',
      method,
      target: url.pathname,
      query,
      headers,
      body: bytes.length,
      status: answer.status,
    });
    response.writeHead(answer.status, answer.headers).end(answer.body);
  }

  const server = createServer((request, response) => {
    respond(request, response).catch((error: unknown) => {
      response.writeHead(500, { 'content-type': 'text/plain' }).end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;

  return {
    url: baseUrl,
    state,
    requests,
    twirpCalls: () => requests.filter((entry) => entry.kind === 'twirp').map((entry) => entry.target),
    artifacts: () => state.artifacts.filter((artifact) => artifact.finalized),
    keepNameTaken: (name, times) => void state.staleNames.set(name, times),
    stop: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
