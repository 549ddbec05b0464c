/**
 * Driver, adapter and URL-scheme names of data stores, as configuration writes them
 * (Laravel's `DB_CONNECTION=pgsql`, Rails' `adapter: mysql2`, SQLAlchemy's
 * `postgresql+asyncpg://`, JDBC's `jdbc:sqlserver://`), by canonical name.
 */
const STORE_NAMES: Readonly<Record<string, string>> = {
  postgres: 'postgresql',
  postgresql: 'postgresql',
  postgresql_psycopg2: 'postgresql',
  pgsql: 'postgresql',
  pg: 'postgresql',
  postgis: 'postgresql',
  cockroachdb: 'postgresql',
  mysql: 'mysql',
  mysql2: 'mysql',
  mysqli: 'mysql',
  trilogy: 'mysql',
  mariadb: 'mariadb',
  sqlite: 'sqlite',
  sqlite3: 'sqlite',
  'better-sqlite3': 'sqlite',
  spatialite: 'sqlite',
  mongodb: 'mongodb',
  mongo: 'mongodb',
  redis: 'redis',
  rediss: 'redis',
  sqlsrv: 'sqlserver',
  sqlserver: 'sqlserver',
  mssql: 'sqlserver',
  oracle: 'oracle',
  oracle_enhanced: 'oracle',
  oci8: 'oracle',
  oracledb: 'oracle',
  amqp: 'rabbitmq',
  amqps: 'rabbitmq',
  h2: 'h2',
};

/** The data store a driver or adapter name stands for (`pgsql`, `mysql2`, `sqlite3`), if any. */
export function databaseOfDriver(name: string): string | undefined {
  const key = name.trim().toLowerCase();
  return Object.hasOwn(STORE_NAMES, key) ? STORE_NAMES[key] : undefined;
}

/**
 * The data store a connection URL names by its scheme: `postgres://…`, `mysql+pymysql://…`,
 * `sqlite:///app.db`, `mongodb+srv://…`, `jdbc:postgresql://…`, `jdbc:h2:mem:test`,
 * `r2dbc:mysql://…`, `jdbc:tc:postgresql:16:///db` (Testcontainers). Anything else (an
 * `https://` endpoint, a host name) names none.
 */
export function databaseOfUrl(value: string): string | undefined {
  const url = value.trim().replace(/^(jdbc|r2dbc):tc:/i, '$1:');
  const jdbc = /^(?:jdbc|r2dbc):([a-z0-9_]+):/i.exec(url);
  if (jdbc?.[1]) return databaseOfDriver(jdbc[1]);
  const scheme = /^([a-z][a-z0-9_-]*)(?:\+[a-z0-9_]+)*:(?:\/\/|\/|:memory:)/i.exec(url);
  return scheme?.[1] ? databaseOfDriver(scheme[1]) : undefined;
}

// `DB_CONNECTION`, `DATABASE_DRIVER`, `DB_CLIENT` (Knex), `TYPEORM_CONNECTION`, `APP_DB_TYPE`…
const DRIVER_KEY =
  /^(?:[a-z0-9]+_)*(?:db|database|typeorm)_(?:connection|driver|type|dialect|client|engine|adapter|provider)$/i;
// Laravel's `CACHE_STORE=redis`, `QUEUE_CONNECTION=redis`, `SESSION_DRIVER=redis`.
const BACKEND_KEY = /^(?:cache|queue|session|broadcast)_(?:driver|store|connection)$/i;

/**
 * The data store one setting (an `.env` line, a phpunit `<env>`, a Spring property) names:
 * a connection URL whatever the key, a driver under a database-driver key, or Redis chosen
 * as the cache, queue or session backend.
 */
export function databaseOfSetting(key: string, value: string): string | undefined {
  const written = defaultOfPlaceholder(value);
  const fromUrl = databaseOfUrl(written);
  if (fromUrl) return fromUrl;
  if (DRIVER_KEY.test(key)) return databaseOfDriver(written);
  if (BACKEND_KEY.test(key) && /^redis$/i.test(written.trim())) return 'redis';
  return undefined;
}

/** Spring's `${DATABASE_URL:jdbc:postgresql://localhost/app}`: the default after the first colon. */
function defaultOfPlaceholder(value: string): string {
  return /^\$\{[\w.-]+:(.*)\}$/s.exec(value.trim())?.[1] ?? value;
}
