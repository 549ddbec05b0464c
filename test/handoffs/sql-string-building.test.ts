import './load-all-grammars.js';
import { describe, expect, it } from 'vitest';
import type { ChangedFile } from '../../src/code/diff/changed-file.js';
import { reviewChanges } from '../../src/handoffs/review-changes.js';
import { addedFile, modifiedFile } from './fixture-changes.js';

const RULE = 'security/sql-string-building';

function sqlFindings(changes: ChangedFile[], head?: string) {
  return reviewChanges('security', changes, head === undefined ? {} : { readFile: () => head }).filter(
    (finding) => finding.ruleId === RULE,
  );
}

describe('security/sql-string-building', () => {
  it('names request input in the title and the explanation, at high severity', () => {
    const findings = sqlFindings([
      addedFile(
        'app/views.py',
        [
          '@app.get("/users")',
          'def users():',
          '    cursor.execute("SELECT * FROM users ORDER BY %s" % request.args["sort"])',
          '    return cursor.fetchall()',
        ].join('\n'),
      ),
    ]);
    expect(findings.map(({ line, severity, title }) => ({ line, severity, title }))).toEqual([
      { line: 3, severity: 'high', title: 'SQL built from request input' },
    ]);
    expect(findings[0]?.explanation).toContain(
      '`request.args["sort"]` is request input, formatted into SQL that `execute` runs',
    );
  });

  it('follows a variable to the request input it was taken from', () => {
    const findings = sqlFindings([
      addedFile(
        'src/routes.js',
        [
          "router.get('/users', async (req, res) => {",
          '  const { team } = req.query;',
          '  res.json(await db.query(`SELECT * FROM users WHERE team = ${team}`));',
          '});',
        ].join('\n'),
      ),
    ]);
    expect(findings.map((finding) => [finding.line, finding.severity])).toEqual([[3, 'high']]);
    expect(findings[0]?.explanation).toContain('`team` (from `req.query`) is request input, interpolated');
  });

  it('rates a value traced to neither the request nor a parameter as medium', () => {
    const findings = sqlFindings([
      addedFile(
        'src/reports.ts',
        [
          'export async function totals(db: Pool) {',
          '  const owner = await session.currentOwner();',
          "  return db.query(`SELECT * FROM reports WHERE owner = '${owner}'`);",
          '}',
        ].join('\n'),
      ),
    ]);
    expect(findings.map((finding) => [finding.line, finding.severity])).toEqual([[3, 'medium']]);
    expect(findings[0]?.explanation).toContain('`owner` (from `session.currentOwner()`)');
  });

  it('leaves out a table or column name taken from the code, but not one from a parameter', () => {
    const findings = sqlFindings([
      addedFile(
        'app/store.py',
        [
          'def purge(cursor, days):',
          '    table = settings.AUDIT_TABLE_NAME.lower()',
          '    cursor.execute(f"DELETE FROM {table} WHERE age > %s", (days,))',
          '    cursor.execute("SELECT * FROM events ORDER BY %s" % settings.default_order())',
          '',
          'def sort(cursor, column):',
          '    cursor.execute(f"SELECT * FROM events ORDER BY {column}")',
        ].join('\n'),
      ),
    ]);
    expect(findings.map((finding) => [finding.line, finding.severity])).toEqual([[7, 'high']]);
  });

  it('stands on the assignment that builds the SQL when the call that runs it is unchanged', () => {
    const head = [
      'def find(cursor, name):',
      '    sql = "SELECT * FROM users WHERE name = \'" + name + "\'"',
      '    cursor.execute(sql)',
      '',
    ].join('\n');
    const change = modifiedFile(
      'app/users.py',
      [
        '@@ -2 +2 @@',
        '-    sql = "SELECT * FROM users WHERE name = \'admin\'"',
        '+    sql = "SELECT * FROM users WHERE name = \'" + name + "\'"',
      ].join('\n'),
    );
    expect(sqlFindings([change], head).map((finding) => finding.line)).toEqual([2]);
  });

  it('stands on the call the pull request added when the SQL was built before it', () => {
    const head = [
      'def find(cursor, name):',
      '    sql = "SELECT * FROM users WHERE name = \'" + name + "\'"',
      '    log.info(sql)',
      '    cursor.execute(sql)',
      '',
    ].join('\n');
    const change = modifiedFile(
      'app/users.py',
      ['@@ -3 +3 @@', '     log.info(sql)', '+    cursor.execute(sql)'].join('\n'),
    );
    expect(sqlFindings([change], head).map((finding) => finding.line)).toEqual([4]);
  });

  it('reads a query run in a callback of the function whose SQL the pull request built', () => {
    const head = [
      'function exportTeam(db, rows, team) {',
      '  const sql = `SELECT * FROM users WHERE team = ${team}`;',
      '  rows.forEach(() => db.query(sql));',
      '}',
      '',
    ].join('\n');
    const change = modifiedFile(
      'src/export.js',
      [
        '@@ -2 +2 @@',
        "-  const sql = 'SELECT * FROM users WHERE team = $1';",
        '+  const sql = `SELECT * FROM users WHERE team = ${team}`;',
      ].join('\n'),
    );
    expect(sqlFindings([change], head).map((finding) => [finding.line, finding.severity])).toEqual([
      [2, 'high'],
    ]);
  });

  it('takes a value that must pass an allowlist check as allowed, but not a value only looked up in a cache', () => {
    const findings = sqlFindings([
      addedFile(
        'app/search.py',
        [
          'def sort(cursor, column):',
          '    if column not in ALLOWED_COLUMNS:',
          '        raise ValueError(column)',
          '    cursor.execute(f"SELECT * FROM events ORDER BY {column}")',
          '',
          'def lookup(cursor, name):',
          '    if name in cache:',
          '        return cache[name]',
          '    cursor.execute(f"SELECT * FROM events WHERE name = \'{name}\'")',
        ].join('\n'),
      ),
    ]);
    expect(findings.map((finding) => finding.line)).toEqual([9]);
  });

  it('stays quiet when the pull request only touched code around an existing query', () => {
    const head = [
      'def find(cursor, name):',
      '    sql = "SELECT * FROM users WHERE name = \'" + name + "\'"',
      '    cursor.execute(sql)',
      '    return cursor.fetchall()',
      '',
    ].join('\n');
    const change = modifiedFile(
      'app/users.py',
      ['@@ -4 +4 @@', '-    return cursor.fetchone()', '+    return cursor.fetchall()'].join('\n'),
    );
    expect(sqlFindings([change], head)).toEqual([]);
  });
});
