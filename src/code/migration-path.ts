/** How a migration file is read: as SQL, or as one tool's DSL. */
export type MigrationFormat =
  | 'sql'
  | 'prisma-schema'
  | 'alembic'
  | 'django'
  | 'rails'
  | 'laravel'
  | 'liquibase'
  | 'javascript'
  | 'ef-core'
  | 'ecto';

export interface MigrationFileKind {
  /** Tool name as reported (`javascript` files are refined to knex, typeorm or sequelize by their content). */
  tool: string;
  format: MigrationFormat;
  direction: 'up' | 'down';
}

interface MigrationPathRule {
  pattern: RegExp;
  tool: string;
  format: MigrationFormat;
}

const MIGRATIONS_DIRECTORY = '(?:^|/)(?:[^/]*[-_])?migrations?/';

// Most specific first: a Prisma migration is also "a .sql file in a migrations folder".
const RULES: MigrationPathRule[] = [
  { pattern: /(^|\/)prisma\/migrations\/[^/]+\/migration\.sql$/, tool: 'prisma', format: 'sql' },
  {
    pattern: /(^|\/)schema\.prisma$|(^|\/)prisma\/schema\/[^/]+\.prisma$/,
    tool: 'prisma',
    format: 'prisma-schema',
  },
  { pattern: /(^|\/)(alembic|migrations)\/versions\/[^/]+\.py$/, tool: 'alembic', format: 'alembic' },
  { pattern: /(^|\/)migrations\/\d{4}_[^/]*\.py$/, tool: 'django', format: 'django' },
  { pattern: /(^|\/)db\/migrate\/[^/]+\.rb$/, tool: 'rails', format: 'rails' },
  { pattern: /(^|\/)database\/migrations\/[^/]+\.php$/, tool: 'laravel', format: 'laravel' },
  { pattern: /(^|\/)[VUR]\d*(?:[._]\d+)*__[^/]+\.sql$/, tool: 'flyway', format: 'sql' },
  // Liquibase "formatted SQL" changelogs are plain SQL with comment markers.
  { pattern: /(^|\/)(db\/)?changelog\/.+\.sql$/i, tool: 'liquibase', format: 'sql' },
  {
    pattern: /(^|\/)(db\/)?changelog\/.+\.(xml|ya?ml)$|(^|\/)[^/]*changelog[^/]*\.(xml|ya?ml)$/i,
    tool: 'liquibase',
    format: 'liquibase',
  },
  { pattern: /(^|\/)migrations\/[^/]+\/(up|down)\.sql$/, tool: 'diesel', format: 'sql' },
  { pattern: /(^|\/)[^/]+\.(up|down)\.sql$/, tool: 'golang-migrate', format: 'sql' },
  { pattern: /(^|\/)priv\/repo\/migrations\/[^/]+\.exs$/, tool: 'ecto', format: 'ecto' },
  {
    pattern: /(^|\/)Migrations\/(?![^/]*(\.Designer|ModelSnapshot)\.cs$)[^/]+\.cs$/,
    tool: 'ef-core',
    format: 'ef-core',
  },
  { pattern: /(^|\/)drizzle\/[^/]+\.sql$/, tool: 'drizzle', format: 'sql' },
  {
    pattern: new RegExp(`${MIGRATIONS_DIRECTORY}(?:[^/]+/)?[^/]+\\.[cm]?[jt]s$`),
    tool: 'javascript',
    format: 'javascript',
  },
  { pattern: new RegExp(`${MIGRATIONS_DIRECTORY}(?:.+/)?[^/]+\\.sql$`), tool: 'sql', format: 'sql' },
  { pattern: /(^|\/)db\/(migrate|schema|sql)\/.+\.sql$/, tool: 'sql', format: 'sql' },
];

/**
 * Recognises a migration or schema file by its path and names its tool. `language`
 * (of the owning project) separates sqlx (Rust) from golang-migrate for `*.up.sql`
 * files and plain `migrations/*.sql`.
 */
export function detectMigrationTool(path: string, language?: string): MigrationFileKind | undefined {
  if (/\.d\.ts$|\.(test|spec)\.[jt]s$/.test(path)) return undefined;
  const rule = RULES.find((candidate) => candidate.pattern.test(path));
  if (!rule) return undefined;
  const direction =
    /(^|[/.])down\.sql$/.test(path) || /(^|\/)U\d[^/]*__[^/]+\.sql$/.test(path) ? 'down' : 'up';
  let tool = rule.tool;
  if (language === 'rust' && (tool === 'golang-migrate' || tool === 'sql')) tool = 'sqlx';
  return { tool, format: rule.format, direction };
}
