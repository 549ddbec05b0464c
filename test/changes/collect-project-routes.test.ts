import { describe, expect, it } from 'vitest';
import { loadGrammars } from '../../src/code/syntax/load-grammars.js';
import { collectProjectRoutes } from '../../src/changes/collect-project-routes.js';
import { checkoutFolder, projectFrom } from './diff-fixture.js';

describe('collectProjectRoutes', () => {
  it('reads Python projects through their route family, include() chains resolved', async () => {
    await loadGrammars(['python']);
    const { listFiles, readFile } = checkoutFolder('mounts', 'django');
    const projects = [projectFrom({ path: '.', language: 'python', frameworks: ['django'] })];
    expect(collectProjectRoutes({ project: '.', listFiles, readFile, projects })).toEqual([
      { method: 'ANY', path: '/admin/' },
      { method: 'ANY', path: '/api/orders/<int:pk>/' },
      { method: 'ANY', path: '/api/v2/' },
      { method: 'ANY', path: '/api/v2/orders/<int:pk>/refunds/' },
    ]);
  });

  it('reads Go projects through their route family, groups passed between packages resolved', async () => {
    await loadGrammars(['go']);
    const { listFiles, readFile } = checkoutFolder('../routes', 'gin-group-passed-to-packages/head');
    const projects = [projectFrom({ path: '.', language: 'go', frameworks: ['gin'] })];
    expect(collectProjectRoutes({ project: '.', listFiles, readFile, projects })).toEqual([
      { method: 'GET', path: '/api/v1/orders' },
      { method: 'POST', path: '/api/v1/orders/:id/refunds' },
      { method: 'GET', path: '/api/v1/users' },
      { method: 'DELETE', path: '/api/v1/users/:id' },
      { method: 'GET', path: '/api/v1/users/:id' },
    ]);
  });

  it('gives nothing for a project with more source files than it reads', () => {
    const paths = Array.from({ length: 5000 }, (_, i) => `src/r${i}.js`);
    let reads = 0;
    const routes = collectProjectRoutes({
      project: '.',
      listFiles: () => paths,
      readFile: () => {
        reads++;
        return "app.get('/x', h);";
      },
      projects: [projectFrom({ path: '.', language: 'javascript', frameworks: ['express'] })],
    });
    expect(routes).toEqual([]);
    expect(reads).toBe(0);
  });
});
