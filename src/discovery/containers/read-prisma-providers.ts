/** Prisma providers by canonical database name. */
const PROVIDERS: Readonly<Record<string, string>> = {
  postgresql: 'postgresql',
  postgres: 'postgresql',
  cockroachdb: 'postgresql',
  mysql: 'mysql',
  sqlite: 'sqlite',
  sqlserver: 'sqlserver',
  mongodb: 'mongodb',
};

/**
 * The databases a Prisma schema's `datasource` blocks name. The Prisma schema language
 * has no maintained parser outside Prisma itself; a datasource block is short and regular:
 * `datasource db { provider = "postgresql" … }`.
 */
export function readPrismaProviders(text: string): string[] {
  const providers: string[] = [];
  let inDatasource = false;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.replace(/\/\/.*$/, '').trim();
    if (/^datasource\s+\w+\s*\{/.test(line)) inDatasource = true;
    else if (inDatasource && line.startsWith('}')) inDatasource = false;
    else if (inDatasource) {
      const provider = /^provider\s*=\s*"([^"]+)"/.exec(line)?.[1];
      const database = provider ? PROVIDERS[provider] : undefined;
      if (database) providers.push(database);
    }
  }
  return providers;
}
