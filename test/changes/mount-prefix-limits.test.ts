import { describe, expect, it } from 'vitest';
import { analyzeChanges } from '../../src/changes/analyze-changes.js';
import type { ChangedFile } from '../../src/code/diff/changed-file.js';
import { addedFile, checkoutFolder, projectFrom } from './diff-fixture.js';

const ROUTES =
  "import { Router } from 'express';\nexport const orders = Router();\norders.post('/:id/refunds', h);\n";
const SERVER =
  "import express from 'express';\nimport { orders } from './routes.js';\nconst app = express();\napp.use('/orders', orders);\n";

/** A checkout of `count` small modules plus a server mounting the changed routes file, counting reads. */
function largeCheckout(count: number) {
  const files = new Map<string, string>([
    ['src/routes.js', ROUTES],
    ['src/server.js', SERVER],
  ]);
  for (let i = 0; i < count; i++) files.set(`src/modules/m${i}.js`, `export const value${i} = ${i};\n`);
  let reads = 0;
  return {
    listFiles: () => [...files.keys()],
    readFile: (path: string) => {
      reads++;
      return files.get(path);
    },
    reads: () => reads,
  };
}

async function analyse(checkout: ReturnType<typeof largeCheckout>) {
  const analysis = await analyzeChanges({
    files: [addedFile('src/routes.js', ROUTES)],
    projects: [projectFrom({ path: '.', language: 'javascript', frameworks: ['express'] })],
    readFile: checkout.readFile,
    listFiles: checkout.listFiles,
  });
  return { paths: analysis.endpoints.map((e) => e.path), notes: analysis.readingNotes ?? [] };
}

describe('cross-file prefix limits', () => {
  it('reads only the changed files, and says so, when a project has 20,000 source files', async () => {
    const checkout = largeCheckout(20_000);
    const { paths, notes } = await analyse(checkout);
    expect(paths).toEqual(['/:id/refunds']);
    // The changed file and the project's tsconfig/jsconfig, never the 20,000 modules.
    expect(checkout.reads()).toBeLessThanOrEqual(6);
    expect(notes).toEqual([
      'Route prefixes declared outside the changed files of `.` were not resolved: it has more than 5000 files to read.',
    ]);
  });

  it('still resolves prefixes across a project of a couple of thousand files', async () => {
    const checkout = largeCheckout(2_500);
    const { paths } = await analyse(checkout);
    expect(paths).toEqual(['/orders/:id/refunds']);
  });

  it('skips files over 512 KB, so a huge mounting file is not read as source', async () => {
    const checkout = largeCheckout(0);
    const padded = `${SERVER}// ${'x'.repeat(600 * 1024)}\n`;
    const { paths } = await analyse({
      ...checkout,
      readFile: (path) => (path === 'src/server.js' ? padded : checkout.readFile(path)),
    });
    expect(paths).toEqual(['/:id/refunds']);
  });

  it('gives a route the same prefix on both sides of a modified file, so untouched routes stay unreported', async () => {
    const { listFiles, readFile } = checkoutFolder('mounts', 'express-esm');
    const file: ChangedFile = {
      path: 'services/api/src/routes.js',
      status: 'modified',
      additions: 1,
      deletions: 0,
      patch: [
        '@@ -5,1 +5,2 @@',
        " orders.get('/:id', async (req, res) => res.json({}));",
        "+orders.post('/:id/refunds', async (req, res) => res.status(201).end());",
      ].join('\n'),
    };
    const analysis = await analyzeChanges({
      files: [file],
      projects: [projectFrom({ path: 'services/api', language: 'javascript', frameworks: ['express'] })],
      readFile,
      listFiles,
    });
    expect(analysis.endpoints).toEqual([
      {
        method: 'POST',
        path: '/orders/:id/refunds',
        change: 'added',
        framework: 'express',
        file: 'services/api/src/routes.js',
        line: 6,
        project: 'services/api',
      },
    ]);
  });
});
