import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { GitHubOperation } from './github-operations.js';

/** A parsed OpenAPI 3.0 document, kept loose: the harness only walks it. */
export interface OpenApiDocument {
  openapi: string;
  info: Record<string, unknown>;
  servers?: unknown[];
  paths: Record<string, Record<string, unknown>>;
  components: Record<string, Record<string, unknown>>;
  [key: string]: unknown;
}

const require = createRequire(import.meta.url);

/**
 * Path of GitHub's official REST description for api.github.com.
 * Resolved through the package folder and read as one file: the package's entry point
 * loads all ten descriptions (about 400 MB), this file alone is 13 MB.
 */
export function githubOpenApiPath(): string {
  const packageJson = require.resolve('@octokit/openapi/package.json');
  return packageJson.replace(/package\.json$/, 'generated/api.github.com.json');
}

let cachedDocument: OpenApiDocument | undefined;

/** GitHub's full description, parsed once per process. */
export function loadGitHubOpenApi(): OpenApiDocument {
  cachedDocument ??= JSON.parse(readFileSync(githubOpenApiPath(), 'utf8')) as OpenApiDocument;
  return cachedDocument;
}

const LOCAL_REF = /^#\/components\/([^/]+)\/(.+)$/;

/** Every `$ref` string anywhere inside `node`. */
function collectRefs(node: unknown, found: string[]): void {
  if (Array.isArray(node)) {
    for (const item of node) collectRefs(item, found);
    return;
  }
  if (node === null || typeof node !== 'object') return;
  for (const [key, value] of Object.entries(node)) {
    if (key === '$ref' && typeof value === 'string') found.push(value);
    else collectRefs(value, found);
  }
}

/** JSON Pointer segments escape `~` and `/` (RFC 6901). */
function unescapePointer(segment: string): string {
  return segment.replace(/~1/g, '/').replace(/~0/g, '~');
}

/** Copies into `target` every component reachable from `roots`, following refs transitively. */
function copyReachableComponents(
  source: OpenApiDocument,
  roots: unknown,
  target: Record<string, Record<string, unknown>>,
): void {
  const pending: string[] = [];
  collectRefs(roots, pending);
  const seen = new Set<string>();
  for (let ref = pending.pop(); ref !== undefined; ref = pending.pop()) {
    if (seen.has(ref)) continue;
    seen.add(ref);
    const match = LOCAL_REF.exec(ref);
    if (!match?.[1] || !match[2]) throw new Error(`Unsupported $ref ${ref} in GitHub's description`);
    const kind = match[1];
    const name = unescapePointer(match[2]);
    const component = source.components[kind]?.[name];
    if (component === undefined) throw new Error(`Dangling $ref ${ref} in GitHub's description`);
    (target[kind] ??= {})[name] = component;
    collectRefs(component, pending);
  }
}

/** Where a webhook's schema is served in a subset: Prism validates only paths, not `x-webhooks`. */
export function webhookPath(webhook: string): string {
  return `/__webhooks/${webhook}`;
}

/**
 * A self-contained OpenAPI document holding only `operations` and the components they
 * reference. Prism loads a subset in 1–2 s where the full 13 MB description takes 8–11 s.
 * Each of `webhooks` (keys of `x-webhooks`, e.g. `pull-request-opened`) becomes a
 * `POST /__webhooks/<key>` operation whose request body is the webhook payload, so Prism
 * can check event payloads against GitHub's schemas too.
 */
export function extractOpenApiSubset(
  source: OpenApiDocument,
  operations: readonly GitHubOperation[],
  webhooks: readonly string[] = [],
): OpenApiDocument {
  const paths: OpenApiDocument['paths'] = {};
  const described = (source['x-webhooks'] ?? {}) as Record<string, Record<string, unknown>>;
  for (const webhook of webhooks) {
    const pathItem = described[webhook];
    if (!pathItem) throw new Error(`GitHub's description has no webhook ${webhook}`);
    paths[webhookPath(webhook)] = pathItem;
  }
  for (const { method, path } of operations) {
    const pathItem = source.paths[path];
    const operation = pathItem?.[method.toLowerCase()];
    if (!pathItem || operation === undefined)
      throw new Error(`GitHub's description has no ${method} ${path}`);
    const target = (paths[path] ??= {});
    target[method.toLowerCase()] = operation;
    if (pathItem.parameters !== undefined) target.parameters = pathItem.parameters;
  }
  const components: OpenApiDocument['components'] = {};
  copyReachableComponents(source, paths, components);
  return { openapi: source.openapi, info: source.info, servers: source.servers, paths, components };
}

/**
 * Media types GitHub's description names only in prose. Its 200 responses list JSON alone,
 * so Prism flags a real `diff` answer of `GET .../pulls/{n}` or a `raw` file from the
 * contents API as a violation. https://docs.github.com/rest/using-the-rest-api/media-types
 */
const PROSE_ONLY_MEDIA_TYPES: Record<string, string[]> = {
  '/repos/{owner}/{repo}/pulls/{pull_number}': [
    'application/vnd.github.diff',
    'application/vnd.github.patch',
  ],
  '/repos/{owner}/{repo}/contents/{path}': ['application/vnd.github.raw'],
};

/** Adds the prose-only media types (as text) to a subset, without touching the cached full description. */
export function addProseOnlyMediaTypes(subset: OpenApiDocument): OpenApiDocument {
  const paths = { ...subset.paths };
  for (const [path, mediaTypes] of Object.entries(PROSE_ONLY_MEDIA_TYPES)) {
    const operation = paths[path]?.get as { responses?: Record<string, { content?: object }> } | undefined;
    const ok = operation?.responses?.['200'];
    if (!operation || !ok) continue;
    const content: Record<string, unknown> = { ...ok.content };
    for (const mediaType of mediaTypes) content[mediaType] = { schema: { type: 'string' } };
    const patched = { ...operation, responses: { ...operation.responses, '200': { ...ok, content } } };
    paths[path] = { ...paths[path], get: patched };
  }
  return { ...subset, paths };
}
