import { describe, expect, it } from 'vitest';
import { analyzeChanges } from '../../../src/changes/analyze-changes.js';
import type { ChangedFile } from '../../../src/code/diff/changed-file.js';
import { createFactCache, type FactCache } from '../../../src/code/fact-cache.js';
import { MAX_CHANGED_FILES_READ_WHOLE } from '../../../src/changes/routes/read-endpoint-changes.js';
import { projectFrom } from '../diff-fixture.js';

/** A modified file whose one changed stretch of lines is found by comparing the two texts (a hunk without context). */
function editedFile(path: string, before: string, after: string): ChangedFile {
  const old = before.replace(/\n$/, '').split('\n');
  const now = after.replace(/\n$/, '').split('\n');
  let start = 0;
  while (start < old.length && start < now.length && old[start] === now[start]) start++;
  let tail = 0;
  while (
    tail < old.length - start &&
    tail < now.length - start &&
    old[old.length - 1 - tail] === now[now.length - 1 - tail]
  )
    tail++;
  const removed = old.slice(start, old.length - tail);
  const added = now.slice(start, now.length - tail);
  const range = (lines: string[]) => (lines.length === 0 ? `${start},0` : `${start + 1},${lines.length}`);
  return {
    path,
    status: 'modified',
    additions: added.length,
    deletions: removed.length,
    patch: [
      `@@ -${range(removed)} +${range(added)} @@`,
      ...removed.map((line) => `-${line}`),
      ...added.map((line) => `+${line}`),
    ].join('\n'),
  };
}

/** A fact cache that remembers which files each reader asked for. */
function recordingCache(): { cache: FactCache; asked: (reader: string) => string[] } {
  const inner = createFactCache();
  const calls: string[] = [];
  const cache: FactCache = {
    ...inner,
    read(reader, file, read) {
      calls.push(`${reader}\0${file.path}`);
      return inner.read(reader, file, read);
    },
  };
  const asked = (reader: string): string[] =>
    [
      ...new Set(
        calls.filter((call) => call.startsWith(`${reader}\0`)).map((call) => call.split('\0')[1] ?? ''),
      ),
    ].sort();
  return { cache, asked };
}

const GIN = 'import "github.com/gin-gonic/gin"';
const MAIN = [
  'package main',
  '',
  'import (',
  '\t"github.com/gin-gonic/gin"',
  '\t"example.com/shop/orders"',
  '\t"example.com/shop/users"',
  ')',
  '',
  'func main() {',
  '\tr := gin.Default()',
  '\tapi := r.Group("/api")',
  '\tusers.Register(api)',
  '\torders.Register(api)',
  '\tr.Run()',
  '}',
].join('\n');

/** A package whose `Register` hangs one route on the group it is given. */
function routesFile(pkg: string, route: string, extra = '', body = '\tc.JSON(200, nil)'): string {
  return [
    `package ${pkg}`,
    '',
    GIN,
    '',
    'func Register(r *gin.RouterGroup) {',
    `\tr.GET("${route}", list)`,
    ...(extra ? [extra] : []),
    '}',
    '',
    'func list(c *gin.Context) {',
    body,
    '}',
    '',
  ].join('\n');
}

const BASE: Record<string, string> = {
  'go.mod': 'module example.com/shop\n\ngo 1.22\n',
  'main.go': MAIN,
  'users/routes.go': routesFile('users', '/users'),
  'orders/routes.go': routesFile('orders', '/orders'),
  // Declares a function of the same name, and nobody mounts it.
  'billing/routes.go': routesFile('billing', '/invoices'),
  // Names `users` (a path), and neither imports nor is imported by the users package.
  'reports/routes.go': routesFile('reports', '/reports/users'),
};

async function analyse(head: Record<string, string>, base: Record<string, string> = BASE) {
  const files = Object.keys(head)
    .filter((path) => head[path] !== base[path])
    .map((path) => editedFile(path, base[path] ?? '', head[path] ?? ''));
  const { cache, asked } = recordingCache();
  const analysis = await analyzeChanges({
    files,
    projects: [projectFrom({ path: '.', language: 'go', frameworks: ['gin'] })],
    readFile: (path) => head[path],
    listFiles: () => Object.keys(head).sort(),
    readBaseFile: (path) => base[path],
    facts: cache,
  });
  return {
    endpoints: analysis.endpoints.map((e) => `${e.change} ${e.method} ${e.path} ${e.file}:${e.line}`),
    readForRoutes: asked('go-routes'),
  };
}

/** Packages nobody mounts, each with one route and a handler, as many as a large pull request edits. */
function manyPackages(count: number, body = '\tc.JSON(200, nil)'): Record<string, string> {
  return Object.fromEntries(
    Array.from({ length: count }, (_, n) => [
      `extra/p${n}/routes.go`,
      routesFile(`p${n}`, `/p${n}`, '', body),
    ]),
  );
}

describe('the files read for a project’s route table', () => {
  it('reads a changed route file, the file that mounts it by a qualified call, and what that file mounts; not a package that only shares the function name or mentions the package', async () => {
    const head = {
      ...BASE,
      'users/routes.go': routesFile('users', '/users', '\tr.GET("/users/:id", list)'),
    };
    const { endpoints, readForRoutes } = await analyse(head);
    expect(endpoints).toEqual(['added GET /api/users/:id users/routes.go:7']);
    expect(readForRoutes).toEqual(['main.go', 'orders/routes.go', 'users/routes.go']);
  });

  it('reads every changed route file of an ordinary pull request, even one whose change cannot move a route', async () => {
    const head = {
      ...BASE,
      'users/routes.go': routesFile('users', '/users', '\tr.GET("/users/:id", list)'),
      'billing/routes.go': routesFile('billing', '/invoices', '', '\ttotal := 0\n\tc.JSON(200, nil)'),
    };
    const { endpoints, readForRoutes } = await analyse(head);
    expect(endpoints).toEqual(['added GET /api/users/:id users/routes.go:7']);
    expect(readForRoutes).toEqual(['billing/routes.go', 'main.go', 'orders/routes.go', 'users/routes.go']);
  });

  it('in a large pull request, does not read a changed file whose change cannot move a route unless a file that can is linked to it', async () => {
    const base = { ...BASE, ...manyPackages(MAX_CHANGED_FILES_READ_WHOLE) };
    const head = {
      ...base,
      ...manyPackages(MAX_CHANGED_FILES_READ_WHOLE, '\ttotal := 0\n\tc.JSON(200, nil)'),
      'users/routes.go': routesFile('users', '/users', '\tr.GET("/users/:id", list)'),
    };
    const { endpoints, readForRoutes } = await analyse(head, base);
    expect(endpoints).toEqual(['added GET /api/users/:id users/routes.go:7']);
    expect(readForRoutes).toEqual(['main.go', 'orders/routes.go', 'users/routes.go']);
  });
  it('reads a changed file whose change adds a route even when nothing mounts it (negative control)', async () => {
    const head = {
      ...BASE,
      'billing/routes.go': routesFile('billing', '/invoices', '\tr.POST("/invoices", list)'),
    };
    const { endpoints, readForRoutes } = await analyse(head);
    expect(endpoints).toEqual(['added POST /invoices billing/routes.go:7']);
    expect(readForRoutes).toEqual(['billing/routes.go']);
  });

  it('follows a handler-only edit when a file it mounts changes routes: its prefix still applies', async () => {
    const head = {
      ...BASE,
      'main.go': MAIN.replace('\tr.Run()', '\tr.Run() // listens on :8080'),
      'orders/routes.go': routesFile('orders', '/orders', '\tr.DELETE("/orders/:id", list)'),
    };
    const { endpoints, readForRoutes } = await analyse(head);
    expect(endpoints).toEqual(['added DELETE /api/orders/:id orders/routes.go:7']);
    expect(readForRoutes).toEqual(['main.go', 'orders/routes.go', 'users/routes.go']);
  });
});
