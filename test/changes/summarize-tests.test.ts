import { describe, expect, it } from 'vitest';
import { analyzeChanges } from '../../src/changes/analyze-changes.js';
import { classifyPath } from '../../src/code/classify-path.js';
import { addedFile, projectFrom } from './diff-fixture.js';

describe('test and source files', () => {
  it.each([
    'internal/orders/service_test.go',
    'tests/test_orders.py',
    'app/orders_test.py',
    'src/orders.test.ts',
    'src/orders.spec.js',
    'src/__tests__/orders.tsx',
    'src/test/java/com/acme/OrderServiceTest.java',
    'src/test/kotlin/OrderSpec.kt',
    'spec/models/order_spec.rb',
    'test/controllers/orders_controller_test.rb',
    'tests/Feature/OrderTest.php',
    'Shop.Tests/OrderServiceTests.cs',
    'test/orders_test.exs',
    'tests/api.rs',
  ])('reads %s as a test', (path) => {
    expect(classifyPath(path).role).toBe('test');
  });

  it.each([
    ['src/orders/service.go', 'source'],
    ['app/models/order.rb', 'source'],
    ['README.md', 'doc'],
    ['docs/guide/setup.md', 'doc'],
    ['package.json', 'manifest'],
    ['go.sum', 'lockfile'],
    ['vite.config.ts', 'config'],
    ['.github/workflows/ci.yml', 'config'],
    ['db/migrate/20240101_add_orders.rb', 'migration'],
    ['api/orders.pb.go', 'generated'],
    ['Migrations/20240101_Init.Designer.cs', 'generated'],
  ])('reads %s as %s', (path, role) => {
    expect(classifyPath(path).role).toBe(role);
  });

  it('lists, per project, the tests and sources changed and the projects with no test change', async () => {
    const files = [
      addedFile('api/src/orders.ts', 'x'),
      addedFile('api/src/orders.test.ts', 'x'),
      addedFile('worker/app/jobs.py', 'x'),
      addedFile('worker/README.md', 'x'),
      addedFile('worker/requirements.txt', 'x'),
      addedFile('docs-site/index.md', 'x'),
      { ...addedFile('worker/app/old.py', 'x'), status: 'removed' as const },
    ];
    const projects = ['api', 'worker', 'docs-site'].map((path) =>
      projectFrom({ path, language: 'typescript' }),
    );
    const analysis = await analyzeChanges({ files, projects });
    expect(analysis.tests).toEqual([
      { project: 'api', testFiles: ['api/src/orders.test.ts'], sourceFiles: ['api/src/orders.ts'] },
      { project: 'worker', testFiles: [], sourceFiles: ['worker/app/jobs.py'] },
    ]);
    expect(analysis.projectsWithoutTestChanges).toEqual(['worker']);
  });

  it('counts a Rust source file whose added lines hold #[test] functions as a test change', async () => {
    const file = addedFile(
      'src/lib.rs',
      'pub fn add() {}\n#[cfg(test)]\nmod tests {\n  #[test]\n  fn adds() {}\n}',
    );
    const analysis = await analyzeChanges({ files: [file], projects: [] });
    expect(analysis.tests).toEqual([
      { project: '.', testFiles: ['src/lib.rs'], sourceFiles: ['src/lib.rs'] },
    ]);
    expect(analysis.projectsWithoutTestChanges).toEqual([]);
  });
});
