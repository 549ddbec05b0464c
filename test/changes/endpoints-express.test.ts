import { describe, expect, it } from 'vitest';
import { analyzeChanges } from '../../src/changes/analyze-changes.js';
import { headCheckout, loadDiff } from './diff-fixture.js';

describe('Express endpoints', () => {
  it('prints', () => {
    const files = loadDiff('endpoints', 'express');
    console.log(JSON.stringify(analyzeChanges({ files, projects: [] }).endpoints, null, 1));
    console.log(JSON.stringify(analyzeChanges({ files, projects: [], readFile: headCheckout('endpoints', 'express') }).endpoints, null, 1));
  });
});
