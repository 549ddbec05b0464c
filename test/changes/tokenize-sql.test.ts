import { describe, expect, it } from 'vitest';
import { EffectsRecorder } from '../../src/changes/migrations/migration-effects.js';
import { readSqlEffects } from '../../src/changes/migrations/read-sql-effects.js';
import { tokenizeSql } from '../../src/changes/migrations/tokenize-sql.js';

function effectsOf(sql: string) {
  const recorder = new EffectsRecorder();
  readSqlEffects(sql, 1, recorder);
  return recorder.effects;
}

describe('reading SQL', () => {
  it('splits statements on semicolons outside strings, comments, quoted names and dollar-quoted bodies', () => {
    const sql = [
      "INSERT INTO notes VALUES ('a;b'); -- DROP TABLE x;",
      '/* DROP TABLE y; */ CREATE TABLE "semi;colon" (id int);',
      'CREATE FUNCTION f() RETURNS void AS $body$ BEGIN DELETE FROM t; END; $body$ LANGUAGE plpgsql;',
    ].join('\n');
    const statements = tokenizeSql(sql);
    expect(statements.map((statement) => [statement.line, statement.tokens[0]?.upper])).toEqual([
      [1, 'INSERT'],
      [2, 'CREATE'],
      [3, 'CREATE'],
    ]);
    expect(effectsOf(sql)).toEqual({ created: ['semi;colon'], altered: [], dropped: [], destructive: [] });
  });

  it('ends a SQL Server batch at GO on its own line', () => {
    expect(
      tokenizeSql('CREATE TABLE a (id int)\nGO\nDROP TABLE b\nGO').map((statement) => statement.line),
    ).toEqual([1, 3]);
  });

  it('reads schema-qualified and quoted names in each dialect', () => {
    const effects = effectsOf('DROP TABLE IF EXISTS "public"."Users", `shop`.`orders`, [dbo].[Items];');
    expect(effects.dropped).toEqual(['public.Users', 'shop.orders', 'dbo.Items']);
  });

  it('skips what runs only when rolling back (goose and dbmate markers)', () => {
    const sql = '-- migrate:up\nCREATE TABLE a (id int);\n-- migrate:down\nDROP TABLE a;';
    expect(effectsOf(sql)).toEqual({ created: ['a'], altered: [], dropped: [], destructive: [] });
  });

  it('flags NOT NULL columns added without a default, but not self-filling ones', () => {
    const sql =
      "ALTER TABLE t ADD COLUMN a text NOT NULL, ADD COLUMN b text NOT NULL DEFAULT '', ADD COLUMN c bigserial NOT NULL, ADD COLUMN d int GENERATED ALWAYS AS IDENTITY NOT NULL;";
    expect(effectsOf(sql).destructive).toEqual([
      { operation: 'not-null-without-default', line: 1, detail: 'adds t.a NOT NULL without a default' },
    ]);
  });

  it('does not take dropped constraints, indexes or defaults for dropped columns', () => {
    const sql =
      'ALTER TABLE t DROP CONSTRAINT t_pkey, DROP INDEX i, ALTER COLUMN c DROP DEFAULT, DROP COLUMN IF EXISTS gone;';
    expect(effectsOf(sql).destructive).toEqual([
      { operation: 'drop-column', line: 1, detail: 'drops column t.gone' },
    ]);
  });

  it('numbers statements from the line it is given', () => {
    const recorder = new EffectsRecorder();
    readSqlEffects('\n\nTRUNCATE audit;', 40, recorder);
    expect(recorder.effects.destructive).toEqual([
      { operation: 'truncate', line: 42, detail: 'truncates table audit' },
    ]);
  });
});
