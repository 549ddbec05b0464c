import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/handoffs/finding.js';
import { fingerprintFinding } from '../../src/handoffs/fingerprint-finding.js';

const finding: Finding = {
  area: 'security',
  ruleId: 'security/sql-string-building',
  severity: 'high',
  file: 'src/db.ts',
  line: 10,
  title: 'SQL built from strings',
  explanation: 'x',
  recommendation: 'y',
  origin: 'rule',
};

describe('fingerprintFinding', () => {
  it('stays the same when unrelated edits move the line or change its indentation', () => {
    const first = fingerprintFinding(finding, '  db.query(`SELECT ${id}`);');
    expect(fingerprintFinding({ ...finding, line: 42 }, '\tdb.query(`SELECT ${id}`);  ')).toBe(first);
  });

  it('changes with the rule, the file or the code on the line', () => {
    const base = fingerprintFinding(finding, 'db.query(sql)');
    expect(fingerprintFinding({ ...finding, ruleId: 'security/other' }, 'db.query(sql)')).not.toBe(base);
    expect(fingerprintFinding({ ...finding, file: 'src/other.ts' }, 'db.query(sql)')).not.toBe(base);
    expect(fingerprintFinding(finding, 'db.query(sql2)')).not.toBe(base);
  });
});
