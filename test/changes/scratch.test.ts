import { writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { it } from 'vitest';
import { analyzeChanges } from '../../src/changes/analyze-changes.js';
import type { Project } from '../../src/discovery/project.js';
import { FIXTURES, headCheckout, loadDiff } from './diff-fixture.js';

const area = process.env.AREA ?? 'endpoints';
const keys = (process.env.KEY ?? 'endpoints').split(',') as 'endpoints'[];
const project = (path: string, language: string, frameworks: string[]): Project => ({
  path,
  language,
  languageVersion: null,
  packageManager: null,
  frameworks: frameworks.map((name) => ({ name, version: null, constraint: null, source: '' })),
  databases: [],
  orms: [],
  testFrameworks: [],
  linters: [],
  commands: {},
  dockerfiles: [],
  dependencies: [],
});
const projects = (process.env.PROJECTS ?? '')
  .split(',')
  .filter(Boolean)
  .map((entry) => {
    const [path = '', language = '', ...frameworks] = entry.split(':');
    return project(path, language, frameworks);
  });
const sketches = (process.env.PROJECTS ?? '')
  .split(',')
  .filter(Boolean)
  .map((entry) => {
    const [path = '', language = '', ...frameworks] = entry.split(':');
    return frameworks.length ? { path, language, frameworks } : { path, language };
  });
for (const name of (process.env.CASES ?? '').split(',').filter(Boolean)) {
  it(name, () => {
    const files = loadDiff(area, name);
    const compact = (value: unknown) => JSON.stringify(value).replace(/\},\{/g, '},\n{');
    const hasHead = existsSync(join(FIXTURES, area, `${name}.head`));
    for (const key of keys) {
      const diffOnly = analyzeChanges({ files, projects })[key];
      const withCheckout = hasHead
        ? analyzeChanges({ files, projects, readFile: headCheckout(area, name) })[key]
        : undefined;
      console.log(name, key, 'DIFF-ONLY\n' + compact(diffOnly));
      if (withCheckout) console.log(name, key, 'HEAD\n' + compact(withCheckout));
      if (process.env.WRITE)
        writeFileSync(
          join(FIXTURES, area, `${name}.expected.json`),
          JSON.stringify({ projects: sketches, diffOnly, withCheckout }, null, 2) + '\n',
        );
    }
  });
}
