import { describe, expect, it } from 'vitest';
import { analyzeChanges } from '../../src/changes/analyze-changes.js';
import { addedFile, checkoutFolder, projectFrom, type ProjectSketch } from './diff-fixture.js';

// Each fixture under mounts/ is a small head checkout: the PR adds the route files, and
// another file of the same project mounts them under a prefix.
async function endpointsOf(name: string, projects: ProjectSketch[], changed: string[]): Promise<string[]> {
  const { listFiles, readFile } = checkoutFolder('mounts', name);
  const files = changed.map((path) => addedFile(path, readFile(path) ?? ''));
  const analysis = await analyzeChanges({ files, projects: projects.map(projectFrom), readFile, listFiles });
  return analysis.endpoints.map((e) => `${e.method} ${e.path} ${e.framework} ${e.file}`);
}

describe('route prefixes mounted in another file', () => {
  it('prefixes Express routers imported with ESM: named, default, without extension, and an index file', async () => {
    const projects = [
      { path: 'services/api', language: 'javascript', frameworks: ['express'] },
      { path: 'services/other', language: 'javascript', frameworks: ['express'] },
    ];
    const changed = [
      'services/api/src/routes.js',
      'services/api/src/users.js',
      'services/api/src/admin/index.js',
      'services/api/src/server.js',
    ];
    expect(await endpointsOf('express-esm', projects, changed)).toEqual([
      'GET /orders/:id express services/api/src/routes.js',
      'POST /orders/:id/refunds express services/api/src/routes.js',
      'GET /users/:id express services/api/src/users.js',
      'DELETE /admin/cache express services/api/src/admin/index.js',
      'GET /health express services/api/src/server.js',
    ]);
  });

  it('prefixes Express routers required with CommonJS, directly, destructured, inline and through an index', async () => {
    const projects = [{ path: '.', language: 'javascript', frameworks: ['express'] }];
    const changed = [
      'src/routes/orders.js',
      'src/routes/invoices.js',
      'src/routes/health.js',
      'src/routes/reports.js',
    ];
    expect(await endpointsOf('express-cjs', projects, changed)).toEqual([
      'GET /api/orders express src/routes/orders.js',
      'POST /api/orders/:id/refunds express src/routes/orders.js',
      'GET /invoices/:id express src/routes/invoices.js',
      'GET /health express src/routes/health.js',
      'GET /reports/daily express src/routes/reports.js',
    ]);
  });

  it('prefixes Express routers listed in an array and mounted in a forEach loop, by member or destructured element', async () => {
    const projects = [{ path: '.', language: 'javascript', frameworks: ['express'] }];
    const changed = [
      'src/routes/v1/auth.route.js',
      'src/routes/v1/user.route.js',
      'src/routes/v1/docs.route.js',
      'src/routes/admin/audit.js',
    ];
    expect(await endpointsOf('express-array', projects, changed)).toEqual([
      'POST /v1/auth/login express src/routes/v1/auth.route.js',
      'POST /v1/auth/send-verification-email express src/routes/v1/auth.route.js',
      'GET /v1/users/:userId express src/routes/v1/user.route.js',
      'GET /v1/docs express src/routes/v1/docs.route.js',
      'GET /admin/audit/entries express src/routes/admin/audit.js',
    ]);
  });

  it('finds the mounter of a router file named with a dot (`auth.route.js`) when it is the only file changed', async () => {
    const projects = [{ path: '.', language: 'javascript', frameworks: ['express'] }];
    expect(await endpointsOf('express-array', projects, ['src/routes/v1/auth.route.js'])).toEqual([
      'POST /v1/auth/login express src/routes/v1/auth.route.js',
      'POST /v1/auth/send-verification-email express src/routes/v1/auth.route.js',
    ]);
  });

  it('composes a chain of mounts across files, through a re-export and TypeScript `.js` specifiers', async () => {
    const projects = [{ path: '.', language: 'typescript', frameworks: ['express'] }];
    expect(await endpointsOf('chain', projects, ['src/api/v1/orders.ts'])).toEqual([
      'GET /api/v1/orders/:id express src/api/v1/orders.ts',
      'POST /api/v1/orders/:id/refunds express src/api/v1/orders.ts',
    ]);
  });

  it('prefixes the router a mounted factory returns, but not routes beside a middleware mounted with a path', async () => {
    const projects = [{ path: '.', language: 'javascript', frameworks: ['express'] }];
    expect(await endpointsOf('express-factory', projects, ['src/auth.js', 'src/orders.js'])).toEqual([
      'POST /login express src/auth.js',
      'GET /orders/:id express src/orders.js',
    ]);
  });

  it('stops at an import cycle instead of looping', async () => {
    const projects = [{ path: '.', language: 'javascript', frameworks: ['express'] }];
    const found = await endpointsOf('cycle', projects, ['src/a.js', 'src/b.js']);
    expect(found).toHaveLength(2);
    expect(found.map((line) => line.split(' ')[1])).toEqual([
      expect.stringMatching(/\/in-a$/),
      expect.stringMatching(/\/in-b$/),
    ]);
  });

  it('nests a koa-router mounted with `use` under the parent router’s own prefix', async () => {
    const projects = [{ path: '.', language: 'javascript', frameworks: ['koa'] }];
    expect(await endpointsOf('koa', projects, ['src/routes/orders.js'])).toEqual([
      'GET /api/v2/orders/:id koa src/routes/orders.js',
      'POST /api/v2/orders/:id/refunds koa src/routes/orders.js',
    ]);
  });

  it('prefixes Fastify plugins registered with a prefix, including a plugin registered by another plugin', async () => {
    const projects = [{ path: '.', language: 'javascript', frameworks: ['fastify'] }];
    const changed = [
      'src/routes/orders.js',
      'src/routes/users.js',
      'src/routes/invoices.js',
      'src/routes/metrics.js',
    ];
    expect(await endpointsOf('fastify', projects, changed)).toEqual([
      'GET /orders/:id fastify src/routes/orders.js',
      'POST /orders/:id/refunds fastify src/routes/orders.js',
      'GET /users/:id fastify src/routes/users.js',
      'GET /api/invoices/:id fastify src/routes/invoices.js',
      'GET /metrics fastify src/routes/metrics.js',
    ]);
  });

  it('prefixes FastAPI routers included from other modules, through a package re-export', async () => {
    const projects = [{ path: '.', language: 'python', frameworks: ['fastapi'] }];
    const changed = [
      'app/api/routes/orders.py',
      'app/api/routes/items.py',
      'app/webhooks/stripe.py',
      'app/main.py',
    ];
    expect(await endpointsOf('fastapi', projects, changed)).toEqual([
      'GET /api/v1/orders/{order_id} fastapi app/api/routes/orders.py',
      'POST /api/v1/orders/{order_id}/refunds fastapi app/api/routes/orders.py',
      'GET /api/v1/items fastapi app/api/routes/items.py',
      'POST /hooks/stripe fastapi app/webhooks/stripe.py',
      'GET /health fastapi app/main.py',
    ]);
  });

  it('prefixes Flask blueprints registered by an app factory, a registration’s url_prefix replacing the blueprint’s', async () => {
    const projects = [{ path: '.', language: 'python', frameworks: ['flask'] }];
    expect(await endpointsOf('flask', projects, ['app/views/books.py', 'app/views/authors.py'])).toEqual([
      'GET /api/books/<int:book_id> flask app/views/books.py',
      'GET /authors/<int:author_id> flask app/views/authors.py',
    ]);
  });

  it('puts NestJS’s global prefix in front of every controller except the excluded paths', async () => {
    const projects = [{ path: '.', language: 'typescript', frameworks: ['nestjs'] }];
    const changed = ['src/orders/orders.controller.ts', 'src/health/health.controller.ts'];
    expect(await endpointsOf('nestjs', projects, changed)).toEqual([
      'GET /api/orders/:id nestjs src/orders/orders.controller.ts',
      'POST /api/orders/:id/refunds nestjs src/orders/orders.controller.ts',
      'GET /health nestjs src/health/health.controller.ts',
    ]);
  });

  it('prefixes Django urls modules included from the root urls, by dotted name and by imported module', async () => {
    const projects = [{ path: '.', language: 'python', frameworks: ['django'] }];
    expect(await endpointsOf('django', projects, ['orders/urls.py', 'orders/api/urls.py'])).toEqual([
      'ANY /api/orders/<int:pk>/ django orders/urls.py',
      'ANY /api/v2/orders/<int:pk>/refunds/ django orders/api/urls.py',
      'ANY /api/v2/ django orders/api/urls.py',
    ]);
  });

  it('keeps the file’s own prefixes alone when no file list is given', async () => {
    const { readFile } = checkoutFolder('mounts', 'express-esm');
    const path = 'services/api/src/routes.js';
    const analysis = await analyzeChanges({
      files: [addedFile(path, readFile(path) ?? '')],
      projects: [projectFrom({ path: 'services/api', language: 'javascript', frameworks: ['express'] })],
      readFile,
    });
    expect(analysis.endpoints.map((e) => e.path)).toEqual(['/:id', '/:id/refunds']);
  });
});

/** The base routes an analysis lists when the PR changes one line of `path` in a fixture checkout. */
async function routesBefore(
  fixture: string,
  path: string,
  change: { line: number; before: string; after: string },
  projects: ProjectSketch[],
): Promise<string[] | undefined> {
  const { listFiles, readFile } = checkoutFolder('mounts', fixture);
  const analysis = await analyzeChanges({
    files: [
      {
        path,
        status: 'modified',
        additions: 1,
        deletions: 1,
        patch: [`@@ -${change.line},1 +${change.line},1 @@`, `-${change.before}`, `+${change.after}`].join(
          '\n',
        ),
      },
    ],
    projects: projects.map(projectFrom),
    readFile,
    listFiles,
  });
  return analysis.routesBefore?.map((route) => `${route.project} ${route.method} ${route.path}`).sort();
}

describe('routes before the change', () => {
  it('lists the base routes of the touched project with their cross-file prefixes, leaving out tests and other projects', async () => {
    const change = {
      line: 5,
      before: "orders.get('/:id', async (req, res) => res.json({ id: 0 }));",
      after: "orders.get('/:id', async (req, res) => res.json({}));",
    };
    const projects = [
      { path: 'services/api', language: 'javascript', frameworks: ['express'] },
      { path: 'services/other', language: 'javascript', frameworks: ['express'] },
    ];
    expect(await routesBefore('express-esm', 'services/api/src/routes.js', change, projects)).toEqual([
      'services/api DELETE /admin/cache',
      'services/api GET /health',
      'services/api GET /orders/:id',
      'services/api GET /users/:id',
      'services/api POST /orders/:id/refunds',
    ]);
  });

  it('lists a Django project’s base routes through its include() chain', async () => {
    const change = {
      line: 6,
      before: '    path("orders/<int:pk>/refunds/", views.refund, name="refund"),',
      after: '    path("orders/<int:pk>/refunds/", views.refund, name="order-refund"),',
    };
    const projects = [{ path: '.', language: 'python', frameworks: ['django'] }];
    expect(await routesBefore('django', 'orders/api/urls.py', change, projects)).toEqual([
      '. ANY /admin/',
      '. ANY /api/orders/<int:pk>/',
      '. ANY /api/v2/',
      '. ANY /api/v2/orders/<int:pk>/refunds/',
    ]);
  });
});
