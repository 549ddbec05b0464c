import type { AreaBrief } from './area-brief.js';

export const databaseBrief: AreaBrief = {
  area: 'database',
  reviewer: 'database administrator',
  focus: 'schema changes, migrations, queries and data integrity',
  checks: [
    'a migration that drops or renames a column or table still read by code, or loses data without a backfill',
    'a migration that locks a large table: NOT NULL without a default, a type change, an index built without CONCURRENTLY (or the engine equivalent)',
    'a new foreign key or frequently filtered column without an index',
    'a schema change made outside the migration tool, or a migration with no way back where the project writes down-migrations',
    'several writes that must succeed together but run outside a transaction',
    'concurrent updates to the same row without locking or a version check',
    'queries built by string concatenation',
  ],
  leaveToOthers: 'HTTP contracts, containers and code style',
  relevantPaths:
    /migrat|schema|\.sql$|prisma|alembic|liquibase|flyway|models?\b|entit|repositor|seed|knexfile|ormconfig|db\//i,
  relevantCode:
    /\b(CREATE|ALTER|DROP|INDEX|TABLE|COLUMN|FOREIGN|REFERENCES|transaction|BEGIN|COMMIT|migration|addColumn|removeColumn|add_index|ForeignKey|@Column|@Entity)\b/i,
};
