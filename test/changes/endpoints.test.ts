import { describe, expect, it } from 'vitest';
import { analyzeChanges } from '../../src/changes/analyze-changes.js';
import type { Endpoint } from '../../src/changes/change-analysis.js';
import { headCheckout, loadDiff, loadExpected, projectFrom, type ExpectedResult } from './diff-fixture.js';

// Each fixture is a real `git diff` of a route file that adds, changes and removes routes;
// its `.head/` folder is the PR's head checkout, where prefixes outside the hunks live.
const CASES: { name: string; framework: string }[] = [
  { name: 'express', framework: 'Express' },
  { name: 'fastify', framework: 'Fastify' },
  { name: 'koa', framework: 'Koa (koa-router)' },
  { name: 'hapi', framework: 'Hapi' },
  { name: 'nestjs', framework: 'NestJS' },
  { name: 'fastapi', framework: 'FastAPI' },
  { name: 'flask', framework: 'Flask' },
  { name: 'django', framework: 'Django' },
  { name: 'spring', framework: 'Spring' },
  { name: 'gin', framework: 'Gin' },
  { name: 'echo', framework: 'Echo' },
  { name: 'chi', framework: 'chi' },
  { name: 'actix', framework: 'Actix Web' },
  { name: 'axum', framework: 'Axum' },
  { name: 'rails', framework: 'Rails' },
  { name: 'laravel', framework: 'Laravel' },
  { name: 'aspnet', framework: 'ASP.NET Core' },
  { name: 'phoenix', framework: 'Phoenix' },
];

describe.each(CASES)('$framework endpoints', ({ name }) => {
  const files = loadDiff('endpoints', name);
  const expected = loadExpected<ExpectedResult<Endpoint[]>>('endpoints', name);
  const projects = expected.projects.map(projectFrom);

  it('finds the added, changed and removed routes from the diff alone', async () => {
    expect((await analyzeChanges({ files, projects })).endpoints).toEqual(expected.diffOnly);
  });

  it.runIf(expected.withCheckout !== undefined)(
    'resolves prefixes declared outside the hunks with the head checkout',
    async () => {
      expect(
        (await analyzeChanges({ files, projects, readFile: headCheckout('endpoints', name) })).endpoints,
      ).toEqual(expected.withCheckout);
    },
  );
});
