import { describe, expect, it } from 'vitest';
import { collectProjectRoutes } from '../../src/changes/collect-project-routes.js';
import { checkoutFolder, projectFrom } from './diff-fixture.js';

describe('collectProjectRoutes', () => {
  it('reads Python projects too, through the same extractors', () => {
    const { listFiles, readFile } = checkoutFolder('mounts', 'django');
    const projects = [projectFrom({ path: '.', language: 'python', frameworks: ['django'] })];
    expect(collectProjectRoutes({ project: '.', listFiles, readFile, projects })).toEqual([
      { method: 'ANY', path: '/admin/' },
      { method: 'ANY', path: '/api/orders/<int:pk>/' },
      { method: 'ANY', path: '/api/v2/' },
      { method: 'ANY', path: '/api/v2/orders/<int:pk>/refunds/' },
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
