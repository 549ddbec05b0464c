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

/**
 * A self-contained OpenAPI document holding only `operations` and the components they
 * reference. Prism loads a subset in 1–2 s where the full 13 MB description takes 8–11 s.
 */
export function extractOpenApiSubset(
  source: OpenApiDocument,
  operations: readonly GitHubOperation[],
): OpenApiDocument {
  const paths: OpenApiDocument['paths'] = {};
  for (const { method, path } of operations) {
    const pathItem = source.paths[path];
    const operation = pathItem?.[method.toLowerCase()];
    if (!pathItem || operation === undefined) throw new Error(`GitHub's description has no ${method} ${path}`);
    const target = (paths[path] ??= {});
    target[method.toLowerCase()] = operation;
    if (pathItem.parameters !== undefined) target.parameters = pathItem.parameters;
  }
  const components: OpenApiDocument['components'] = {};
  copyReachableComponents(source, paths, components);
  return { openapi: source.openapi, info: source.info, servers: source.servers, paths, components };
}
