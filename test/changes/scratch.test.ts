import { it } from 'vitest';
import { analyzeChanges } from '../../src/changes/analyze-changes.js';
import { headCheckout, loadDiff } from './diff-fixture.js';

const area = process.env.AREA ?? 'endpoints';
const key = (process.env.KEY ?? 'endpoints') as 'endpoints';
for (const name of (process.env.CASES ?? '').split(',').filter(Boolean)) {
  it(name, () => {
    const files = loadDiff(area, name);
    const compact = (value: unknown) => JSON.stringify(value).replace(/\},\{/g, '},\n{');
    console.log(name, 'DIFF-ONLY\n' + compact(analyzeChanges({ files, projects: [] })[key]));
    console.log(name, 'HEAD\n' + compact(analyzeChanges({ files, projects: [], readFile: headCheckout(area, name) })[key]));
  });
}
