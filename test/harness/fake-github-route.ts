import type { FakeGitHubState } from './fake-github-state.js';
import type { GitHubOperation } from './github-operations.js';
import { loadGitHubOpenApi } from './openapi-subset.js';

/** What a route handler gets: the matched operation, its parameters and the parsed body. */
export interface RouteContext {
  state: FakeGitHubState;
  operation: GitHubOperation;
  params: Record<string, string>;
  query: URLSearchParams;
  body: unknown;
  /** Request path without the query string. */
  path: string;
  /** The address the client called (the recorder's), for `Link` headers. */
  publicUrl: string;
  /** The request's `Accept` header, for media types such as `application/vnd.github.raw+json`. */
  accept: string;
}

/** A response the fake sends: JSON `body`, or no body for 204. */
export interface RouteResult {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
  /** Sent as-is with the given content type instead of JSON. */
  raw?: { contentType: string; text: string };
}

/** One handler per operation id. */
export type RouteHandler = (context: RouteContext) => RouteResult;

/** The documentation link GitHub puts in error bodies: the operation's own docs page. */
export function documentationUrl(operation: GitHubOperation): string {
  const pathItem = loadGitHubOpenApi().paths[operation.path];
  const described = pathItem?.[operation.method.toLowerCase()] as
    { externalDocs?: { url?: string } } | undefined;
  return described?.externalDocs?.url ?? 'https://docs.github.com/rest';
}

/** A GitHub error body: `message`, `documentation_url`, and `status` as a string. */
export function githubError(
  operation: GitHubOperation,
  status: number,
  message: string,
  extra: object = {},
): RouteResult {
  return {
    status,
    body: { message, ...extra, documentation_url: documentationUrl(operation), status: String(status) },
  };
}

/** GitHub's 404; it answers the same for "absent" and "no access to see it". */
export function notFound(context: RouteContext): RouteResult {
  return githubError(context.operation, 404, 'Not Found');
}

/** GitHub's 422 with field errors (`validation-error` schema). */
export function validationFailed(
  context: RouteContext,
  errors: { resource: string; field: string; code: string; message?: string }[],
): RouteResult {
  return githubError(context.operation, 422, 'Validation Failed', { errors });
}

/** The default body for a fault injected with only a status. */
export function defaultFaultBody(operation: GitHubOperation, status: number): RouteResult {
  const messages: Record<number, string> = {
    401: 'Bad credentials',
    403: 'Resource not accessible by integration',
    404: 'Not Found',
    410: 'Gone',
    422: 'Validation Failed',
    429: 'API rate limit exceeded',
    500: 'Server Error',
    502: 'Server Error',
    503: 'Service Unavailable',
  };
  return githubError(operation, status, messages[status] ?? 'Error');
}

/** Reads an object body; anything else counts as empty, so handlers report the missing field. */
export function bodyObject(context: RouteContext): Record<string, unknown> {
  const body = context.body;
  return body !== null && typeof body === 'object' && !Array.isArray(body)
    ? (body as Record<string, unknown>)
    : {};
}

/** The `number` path parameter `name` (e.g. `pull_number`). */
export function numberParam(context: RouteContext, name: string): number {
  return Number(context.params[name]);
}

/** GitHub counts characters, not UTF-16 units, against its 65,536 limit. */
export function characterCount(text: string): number {
  return [...text].length;
}

/** Longest comment, review or issue body GitHub accepts. */
export const MAX_BODY_CHARACTERS = 65_536;
