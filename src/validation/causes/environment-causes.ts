import { capture, type CauseReader } from './failure-cause.js';

/** Services tests commonly need, by their default port. */
const SERVICES_BY_PORT: Readonly<Record<string, { name: string; image: string }>> = {
  '5432': { name: 'PostgreSQL', image: 'postgres' },
  '3306': { name: 'MySQL', image: 'mysql' },
  '6379': { name: 'Redis', image: 'redis' },
  '27017': { name: 'MongoDB', image: 'mongo' },
  '5672': { name: 'RabbitMQ', image: 'rabbitmq' },
  '9092': { name: 'Kafka', image: 'apache/kafka' },
  '9200': { name: 'Elasticsearch', image: 'elasticsearch' },
  '11211': { name: 'Memcached', image: 'memcached' },
  '1433': { name: 'SQL Server', image: 'mcr.microsoft.com/mssql/server' },
  '1521': { name: 'Oracle', image: 'gvenzl/oracle-free' },
  '4566': { name: 'LocalStack', image: 'localstack/localstack' },
};

/** Refused connections as Node, Python, Go, Java and the database drivers print them, with the port. */
const REFUSED: readonly RegExp[] = [
  /ECONNREFUSED\s+\[?[\w.:]*?\]?:(\d{2,5})\b/, // Node: connect ECONNREFUSED 127.0.0.1:5432
  /dial tcp \S*:(\d{2,5}): connect: connection refused/, // Go
  /Connection to \S+?:(\d{2,5}) refused/, // JDBC
  /port (\d{2,5}) failed: Connection refused/, // libpq 14+
  /Connection refused[\s\S]{0,200}?port (\d{2,5})/, // psycopg2 / libpq before 14
  /(?:Error 111|Connection refused)[^\n]*?:(\d{2,5})\b/, // redis-py, generic host:port
];

/** A service the tests need is not running: the port says which. */
export const readServiceUnreachable: CauseReader = (output) => {
  for (const pattern of REFUSED) {
    const port = capture(pattern, output);
    if (!port) continue;
    const service = SERVICES_BY_PORT[port];
    if (!service)
      return {
        kind: 'service-unreachable',
        summary: `a service on port ${port} was not reachable (connection refused)`,
        hint: `start the service the tests connect to on port ${port} before this step (a \`services:\` container in the workflow)`,
      };
    return {
      kind: 'service-unreachable',
      summary: `${service.name} not reachable on port ${port} (connection refused)`,
      hint: `start ${service.name} as a service in the workflow (\`services: { db: { image: ${service.image}, ports: ['${port}:${port}'] } }\`)`,
    };
  }
  return undefined;
};

/** Files a command tried to read, as Node, Python, Go, shells and node's --env-file report them. */
const MISSING_FILE: readonly RegExp[] = [
  /ENOENT: no such file or directory, (?:open|stat|lstat|scandir) '([^']+)'/,
  /FileNotFoundError: \[Errno 2\] No such file or directory: '([^']+)'/,
  /^node: (\S+): not found$/m, // node --env-file=.env
  /open (\S+): no such file or directory/, // Go
  /^(?:cat|cp|source|\.): (\S+): No such file or directory$/m,
  /^sh: \d+: (?:cannot open|\.: cannot open) (\S+): No such file/m,
];

/** A file the command expects (`.env`, a config file) is not in the checkout. */
export const readMissingFile: CauseReader = (output) => {
  for (const pattern of MISSING_FILE) {
    const file = capture(pattern, output);
    if (!file) continue;
    const name = file.slice(file.lastIndexOf('/') + 1);
    const isEnv = /^\.env(\.[\w-]+)?$/.test(name);
    return {
      kind: 'missing-file',
      summary: `missing file \`${name}\``,
      hint: isEnv
        ? `add \`${name}\` in CI, e.g. \`cp .env.example ${name}\` in a step before this one, or set the variables in the workflow's \`env:\``
        : `create \`${file}\` in a step before this one, or commit it if it belongs in the repository`,
    };
  }
  return undefined;
};

/** Package registries that could not be reached, or refused the credentials. */
export const readRegistryFailure: CauseReader = (output) => {
  const status = capture(/\b(E401|E403|401 Unauthorized|403 Forbidden|status code (?:401|403))\b/, output, 1);
  const statusHost = capture(
    /(?:GET|fetch|from|to|url:?)\s+https?:\/\/([^/\s'"]+)[^\n]*\b(?:401|403)\b/i,
    output,
  );
  if (
    status &&
    /registry|npm ERR!|npm error|pip|artifact|repository|maven|gradle|yarn|pnpm|composer|bundler|gem/i.test(
      output,
    )
  ) {
    const host = statusHost ? ` (${statusHost})` : '';
    return {
      kind: 'registry',
      summary: `the package registry refused access${host}: ${status.replace(/^E/, 'HTTP ')}`,
      hint: 'give the job a token for the private registry (an `.npmrc`, `pip.conf` or `settings.xml` using a secret), or install in your own step and set `install: skip`',
    };
  }
  const host =
    capture(/getaddrinfo (?:ENOTFOUND|EAI_AGAIN) ([\w.-]+)/, output) ??
    capture(
      /(?:Failed to resolve|Name or service not known|nodename nor servname)[^\n]*?['(]?([\w-]+(?:\.[\w-]+)+)/,
      output,
    ) ??
    capture(/dial tcp: lookup ([\w.-]+)[^\n]*no such host/, output) ??
    capture(/Could not (?:fetch URL|transfer artifact)[^\n]*?https?:\/\/([^/\s:]+)/, output);
  if (!host) return undefined;
  return {
    kind: 'registry',
    summary: `package registry not reachable: \`${host}\` could not be resolved or reached`,
    hint: /\b(?:registry\.npmjs\.org|pypi\.org|files\.pythonhosted\.org|proxy\.golang\.org|repo\.maven\.apache\.org|rubygems\.org|packagist\.org|crates\.io)\b/.test(
      host,
    )
      ? 'the public registry was not reachable from the runner: check its network access, or retry'
      : `\`${host}\` looks like a private registry named in the lockfile or config: give the runner access to it, or install in your own step and set \`install: skip\``,
  };
};
