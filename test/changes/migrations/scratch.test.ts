import { it } from 'vitest';
import { readFileSync } from 'node:fs';
import { loadSqlParsers } from '../../../src/code/sql/load-sql-parsers.js';
import { readSqlOperations } from '../../../src/changes/migrations/sql/read-sql-operations.js';

it('scratch', async () => {
  await loadSqlParsers(['postgresql']);
  const diff = readFileSync('test/fixtures/changes/migrations/sql.diff', 'utf8');
  for (const part of diff.split(/^diff --git /m).slice(1)) {
    const body = part.split('\n').filter((l) => l.startsWith('+') && !l.startsWith('+++')).map((l) => l.slice(1)).join('\n');
    console.log(part.split('\n')[0]);
    for (const op of readSqlOperations(body, 'postgresql')) console.log('  ', JSON.stringify(op));
  }
});
