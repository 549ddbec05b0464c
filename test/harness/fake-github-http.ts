import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RouteResult } from './fake-github-route.js';

/** A request body: parsed JSON, or the raw text with `invalid` set when it is not JSON. */
export interface RequestBody {
  json: unknown;
  invalid: boolean;
}

/** Reads and parses a request body; an empty body is `undefined`. */
export async function readBody(request: IncomingMessage): Promise<RequestBody> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  if (text.length === 0) return { json: undefined, invalid: false };
  try {
    return { json: JSON.parse(text) as unknown, invalid: false };
  } catch {
    return { json: text, invalid: true };
  }
}

let responseCounter = 0;

/** Headers GitHub sends on every API response; Octokit's throttling plugin reads the rate-limit ones. */
function commonHeaders(): Record<string, string> {
  responseCounter += 1;
  return {
    'x-github-request-id': `FAKE:${process.pid}:${responseCounter}`,
    'x-github-api-version-selected': '2022-11-28',
    'x-github-media-type': 'github.v3; format=json',
    'x-ratelimit-limit': '5000',
    'x-ratelimit-remaining': '4999',
    'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) + 3600),
    'x-ratelimit-used': '1',
    'x-ratelimit-resource': 'core',
  };
}

/** Writes a route's answer: JSON, raw text in its own media type, or no body (204). */
export function send(response: ServerResponse, result: RouteResult): void {
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

/** A GitHub error body that names no operation (unknown path, unparsable JSON). */
export function plainError(status: number, message: string): RouteResult {
  return {
    status,
    body: { message, documentation_url: 'https://docs.github.com/rest', status: String(status) },
  };
}
