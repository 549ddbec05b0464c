import './load-all-grammars.js';
import { describe, expect, it } from 'vitest';
import { reviewAll } from '../../src/handoffs/review-all.js';
import { addedFile } from './fixture-changes.js';

describe('reviewAll', () => {
  it('runs every area over the same changes and sorts the findings by file and line', () => {
    const findings = reviewAll([
      addedFile(
        'src/users.ts',
        '// TODO: paginate\nexport const list = (db: Pool, id: string) => db.query(`SELECT * FROM users WHERE id = ${id}`);',
      ),
      addedFile('Dockerfile', 'FROM node:latest\nCMD ["node", "index.js"]'),
    ]);
    expect(findings.map((finding) => `${finding.file}:${finding.line} ${finding.ruleId}`)).toEqual([
      'Dockerfile:1 devops/container-runs-as-root',
      'Dockerfile:1 devops/unpinned-image',
      'src/users.ts:1 code-review/todo-comment',
      'src/users.ts:2 performance/select-star',
      'src/users.ts:2 qa/source-without-tests',
      'src/users.ts:2 security/sql-string-building',
    ]);
  });
});
