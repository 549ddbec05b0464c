import type { SqlDialect } from './sql-dialect.js';

/** The part of node-sql-parser's `Parser` used here. */
interface SqlAstParser {
  astify(sql: string, options: { database: string }): unknown;
}

type OtherDialect = Exclude<SqlDialect, 'postgresql'>;

// node-sql-parser's name for each dialect. Each has its own build (200–280 kB), loaded only
// when a migration in that dialect is read; the whole package would add 2.5 MB to each bundle.
const DATABASE_NAMES: Readonly<Record<OtherDialect, string>> = {
  mysql: 'MySQL',
  mariadb: 'MariaDB',
  sqlite: 'Sqlite',
  sqlserver: 'TransactSQL',
};

const parsers = new Map<OtherDialect, SqlAstParser>();

type ParserModule = { Parser?: new () => SqlAstParser; default?: { Parser?: new () => SqlAstParser } };

async function importBuild(dialect: OtherDialect): Promise<ParserModule> {
  // Literal specifiers, so the bundler can include each build.
  switch (dialect) {
    case 'mysql':
      return (await import('node-sql-parser/build/mysql.js')) as unknown as ParserModule;
    case 'mariadb':
      return (await import('node-sql-parser/build/mariadb.js')) as unknown as ParserModule;
    case 'sqlite':
      return (await import('node-sql-parser/build/sqlite.js')) as unknown as ParserModule;
    case 'sqlserver':
      return (await import('node-sql-parser/build/transactsql.js')) as unknown as ParserModule;
  }
}

/** Loads node-sql-parser's builds for these dialects, once each. */
export async function loadOtherSqlParsers(dialects: Iterable<SqlDialect>): Promise<void> {
  for (const dialect of new Set(dialects)) {
    if (dialect === 'postgresql' || parsers.has(dialect)) continue;
    const module = await importBuild(dialect);
    const Parser = module.Parser ?? module.default?.Parser;
    if (Parser) parsers.set(dialect, new Parser());
  }
}

/** One statement's syntax tree in a dialect node-sql-parser reads, or undefined when it cannot read it. */
export function parseOtherSql(sql: string, dialect: OtherDialect): unknown {
  const parser = parsers.get(dialect);
  if (!parser) return undefined;
  try {
    const ast = parser.astify(sql, { database: DATABASE_NAMES[dialect] });
    return Array.isArray(ast) ? (ast.length === 1 ? ast[0] : undefined) : ast;
  } catch {
    return undefined;
  }
}
