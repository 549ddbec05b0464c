import { createServer, request as httpRequest, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DROP_CONNECTION_HEADER } from './fake-github-faults.js';

/** One problem Prism found in a request or a response. */
export interface Violation {
  method: string;
  /** Path and query of the request. */
  url: string;
  /** Status Prism answered (422 invalid request, 500 invalid response, or the upstream's when only warned). */
  status: number;
  severity: string;
  /** Where Prism found it, e.g. `["response", "body"]` or `["body"]` for the request body. */
  location: string[];
  message: string;
  /** The stamp the proxy put on the request (`x-harness-request-id`), to pair it with the fake's record. */
  requestId: string;
}

/** A running recorder in front of Prism. */
export interface RecordingProxy {
  url: string;
  /** Every violation seen so far, in arrival order. */
  violations(): Violation[];
  /** Forgets the violations seen so far (e.g. between tests sharing one Prism). */
  clear(): void;
  stop(): Promise<void>;
}

interface PrismIssue {
  location?: unknown;
  severity?: unknown;
  message?: unknown;
}

/** Prism's problem documents use this type prefix; GitHub never answers `application/problem+json`. */
const PRISM_ERROR_TYPE = 'https://stoplight.io/prism/errors#';

/**
 * Reads Prism's verdict from one response. Prism reports violations in two ways:
 * an `sl-violations` header (response problems, and warnings such as an undocumented
 * status, with the upstream answer passed through), or — for an invalid *request*,
 * which never reaches the upstream — a 422 `application/problem+json` body whose
 * `validation` array lists them, with no `sl-violations` header at all.
 */
export function prismIssues(headers: IncomingHttpHeaders, body: string): PrismIssue[] {
  const header = headers['sl-violations'];
  const issues: PrismIssue[] = [];
  if (typeof header === 'string') issues.push(...parseJson<PrismIssue[]>(header, [{ message: header }]));
  if (!String(headers['content-type'] ?? '').includes('application/problem+json')) return issues;
  const problem = parseJson<{ type?: unknown; title?: unknown; detail?: unknown; validation?: PrismIssue[] }>(
    body,
    {},
  );
  if (typeof problem.type !== 'string' || !problem.type.startsWith(PRISM_ERROR_TYPE)) return issues;
  if (typeof header === 'string') return issues;
  if (Array.isArray(problem.validation) && problem.validation.length > 0)
    return [...issues, ...problem.validation];
  return [
    ...issues,
    { location: [], severity: 'Error', message: `${String(problem.title)}: ${String(problem.detail)}` },
  ];
}

function parseJson<T>(text: string, fallback: T): T {
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
}

const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'content-length', 'host']);

function forwardableHeaders(headers: IncomingHttpHeaders): Record<string, string | string[]> {
  const kept: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined && !HOP_BY_HOP.has(name)) kept[name] = value;
  }
  return kept;
}

/**
 * Starts a tiny HTTP proxy (client → proxy → `targetUrl`) that stamps each request with
 * `x-harness-request-id` and records every violation Prism reports in its answers.
 * Prism also logs violations, but its log is not a reliable record: the proxy reads
 * exactly what the client receives.
 */
export async function startRecordingProxy(targetUrl: string): Promise<RecordingProxy> {
  const target = new URL(targetUrl);
  const seen: Violation[] = [];
  let counter = 0;
  const server: Server = createServer((incoming, outgoing) => {
    const chunks: Buffer[] = [];
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
    incoming.on('end', () => {
      counter += 1;
      const requestId = String(counter);
      const body = Buffer.concat(chunks);
      const headers = {
        ...forwardableHeaders(incoming.headers),
        'x-harness-request-id': requestId,
        'content-length': String(body.length),
      };
      const forwarded = httpRequest(
        {
          hostname: target.hostname,
          port: target.port,
          method: incoming.method,
          path: incoming.url,
          headers,
        },
        (answer) => {
          const answerChunks: Buffer[] = [];
          answer.on('data', (chunk: Buffer) => answerChunks.push(chunk));
          answer.on('end', () => {
            // An injected fault: the client sees its connection reset, with no answer at all.
            if (answer.headers[DROP_CONNECTION_HEADER]) {
              incoming.socket.destroy();
              return;
            }
            const answerBody = Buffer.concat(answerChunks);
            for (const issue of prismIssues(answer.headers, answerBody.toString('utf8'))) {
              seen.push({
                method: incoming.method ?? 'GET',
                url: incoming.url ?? '/',
                status: answer.statusCode ?? 0,
                severity: typeof issue.severity === 'string' ? issue.severity : 'Error',
                location: Array.isArray(issue.location) ? issue.location.map(String) : [],
                message: typeof issue.message === 'string' ? issue.message : JSON.stringify(issue),
                requestId,
              });
            }
            outgoing.writeHead(answer.statusCode ?? 502, {
              ...forwardableHeaders(answer.headers),
              'content-length': String(answerBody.length),
            });
            outgoing.end(answerBody);
          });
        },
      );
      forwarded.on('error', (error) => {
        outgoing.writeHead(502, { 'content-type': 'text/plain' });
        outgoing.end(`recording proxy could not reach Prism: ${error.message}`);
      });
      forwarded.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    violations: () => [...seen],
    clear: () => {
      seen.length = 0;
    },
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
