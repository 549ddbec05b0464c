/** A container image reference split into name and tag (`postgres:16-alpine`). */
export interface ContainerImage {
  /** Registry and repository, lowercase: `postgres`, `bitnami/redis`, `mcr.microsoft.com/dotnet/sdk`. */
  name: string;
  tag: string | null;
}

/** Splits `registry:5000/name:tag@sha256:…` into name and tag. */
export function parseImageReference(reference: string): ContainerImage {
  const withoutDigest = reference.split('@')[0] ?? reference;
  const lastSlash = withoutDigest.lastIndexOf('/');
  const colon = withoutDigest.indexOf(':', lastSlash + 1);
  const name = (colon < 0 ? withoutDigest : withoutDigest.slice(0, colon)).toLowerCase();
  return { name, tag: colon < 0 ? null : withoutDigest.slice(colon + 1) };
}

/** Image repositories (their last path segment) that run a data store, cache or queue, by canonical name. */
const STORE_IMAGES: ReadonlyArray<readonly [RegExp, string]> = [
  [/postgres|postgis|timescaledb|pgvector|cockroach/, 'postgresql'],
  [/mariadb/, 'mariadb'],
  [/mysql|percona/, 'mysql'],
  [/^mongo(db)?(-|$)|mongodb-community/, 'mongodb'],
  [/^redis|redis-stack/, 'redis'],
  [/^valkey/, 'valkey'],
  [/^keydb/, 'keydb'],
  [/^memcached/, 'memcached'],
  [/mssql|sql-server|azure-sql-edge/, 'sqlserver'],
  [/oracle|oracle-xe|^database$/, 'oracle'],
  [/dynamodb/, 'dynamodb'],
  [/cassandra|scylla/, 'cassandra'],
  [/^elasticsearch/, 'elasticsearch'],
  [/^opensearch$/, 'opensearch'],
  [/rabbitmq/, 'rabbitmq'],
  [/kafka|redpanda/, 'kafka'],
  [/^nats(-streaming)?$/, 'nats'],
  [/^influxdb/, 'influxdb'],
  [/^clickhouse/, 'clickhouse'],
  [/^neo4j/, 'neo4j'],
];

/** The data store an image runs, if it runs one: `postgres:16` → `postgresql`. */
export function storeOfImage(image: ContainerImage): string | undefined {
  const segments = image.name.split('/');
  const last = segments[segments.length - 1] ?? '';
  // Microsoft publishes SQL Server as mcr.microsoft.com/mssql/server; Oracle as …/database/free.
  const subject = image.name.includes('mssql') ? 'mssql' : image.name.includes('oracle') ? 'oracle' : last;
  return STORE_IMAGES.find(([pattern]) => pattern.test(subject))?.[1];
}

/** Official images whose tag starts with the language version, by language. */
const LANGUAGE_IMAGES: Readonly<Record<string, readonly string[]>> = {
  javascript: ['node'],
  typescript: ['node'],
  python: ['python'],
  go: ['golang'],
  rust: ['rust'],
  java: ['eclipse-temurin', 'openjdk', 'amazoncorretto', 'ibm-semeru-runtimes', 'sapmachine'],
  kotlin: ['eclipse-temurin', 'openjdk', 'amazoncorretto'],
  ruby: ['ruby'],
  php: ['php'],
  csharp: [
    'mcr.microsoft.com/dotnet/sdk',
    'mcr.microsoft.com/dotnet/aspnet',
    'mcr.microsoft.com/dotnet/runtime',
  ],
  elixir: ['elixir', 'hexpm/elixir'],
};

/** The language version an image's tag names, when the image is that language's official one: `node:20-alpine` → `20`. */
export function languageVersionOfImage(image: ContainerImage, language: string): string | undefined {
  const names = LANGUAGE_IMAGES[language] ?? [];
  const bare = image.name.replace(/^(docker\.io\/)?(library\/)?/, '');
  if (!names.includes(bare) || image.tag === null) return undefined;
  return /^v?(\d+(?:\.\d+)*)/.exec(image.tag)?.[1];
}
