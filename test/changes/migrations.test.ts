import { describe, expect, it } from 'vitest';
import { analyzeChanges } from '../../src/changes/analyze-changes.js';
import type { Migration } from '../../src/changes/change-analysis.js';
import { loadDiff, loadExpected, projectFrom, type ExpectedResult } from './diff-fixture.js';

const CASES: { name: string; tools: string }[] = [
  { name: 'sql', tools: 'SQL (Prisma, Flyway, golang-migrate, goose)' },
];

describe.each(CASES)('$tools migrations', ({ name }) => {
  it('lists tables created, altered and dropped, and flags destructive operations', () => {
    const expected = loadExpected<ExpectedResult<Migration[]>>('migrations', name);
    const files = loadDiff('migrations', name);
    expect(analyzeChanges({ files, projects: expected.projects.map(projectFrom) }).migrations).toEqual(
      expected.diffOnly,
    );
  });
});
