/** Patterns that read an environment variable, per canonical language; each captures the name in group 1. */
const NAME = '([A-Za-z_][A-Za-z0-9_]*)';
const UPPER_NAME = '([A-Z][A-Z0-9_]*)';
const QUOTE = `['"\`]`;

const JAVASCRIPT = [
  new RegExp(`\\bprocess\\.env\\.${NAME}`, 'g'),
  new RegExp(`\\bprocess\\.env\\[\\s*${QUOTE}${NAME}${QUOTE}\\s*\\]`, 'g'),
  new RegExp(`\\b(?:Bun\\.env|import\\.meta\\.env)\\.${NAME}`, 'g'),
  new RegExp(`\\bBun\\.env\\[\\s*${QUOTE}${NAME}${QUOTE}\\s*\\]`, 'g'),
  new RegExp(`\\bDeno\\.env\\.get\\(\\s*${QUOTE}${NAME}${QUOTE}`, 'g'),
];

export const ENV_VAR_PATTERNS: Record<string, RegExp[]> = {
  javascript: JAVASCRIPT,
  typescript: JAVASCRIPT,
  python: [
    new RegExp(`\\benviron\\s*\\[\\s*['"]${NAME}['"]\\s*\\]`, 'g'),
    new RegExp(`\\benviron\\.(?:get|setdefault|pop)\\(\\s*['"]${NAME}['"]`, 'g'),
    new RegExp(`\\bgetenv\\(\\s*['"]${NAME}['"]`, 'g'),
    // django-environ (env('X'), env.bool('X')) and python-decouple (config('X')): upper-case names only, the calls are generic.
    new RegExp(`\\b(?:env(?:\\.\\w+)?|config)\\(\\s*['"]${UPPER_NAME}['"]`, 'g'),
  ],
  go: [
    new RegExp(`\\bos\\.(?:Getenv|LookupEnv)\\(\\s*"${NAME}"`, 'g'),
    // Struct tags of caarlos0/env and kelseyhightower/envconfig.
    new RegExp(`\\benv(?:config)?:"${NAME}`, 'g'),
  ],
  rust: [
    new RegExp(`\\benv::var(?:_os)?\\(\\s*"${NAME}"`, 'g'),
    new RegExp(`\\b(?:option_)?env!\\(\\s*"${NAME}"`, 'g'),
    new RegExp(`\\bdotenvy?::var\\(\\s*"${NAME}"`, 'g'),
  ],
  java: [
    new RegExp(`\\bSystem\\.getenv\\(\\s*"${NAME}"`, 'g'),
    // @Value("${X}") reads a property; an upper-case name is the environment variable itself.
    new RegExp(`@Value\\(\\s*"\\$\\{${UPPER_NAME}(?::[^}]*)?\\}`, 'g'),
  ],
  ruby: [
    new RegExp(`\\bENV\\s*\\[\\s*['"]${NAME}['"]\\s*\\]`, 'g'),
    new RegExp(`\\bENV\\.(?:fetch|key\\?|has_key\\?|include\\?)\\(?\\s*['"]${NAME}['"]`, 'g'),
  ],
  php: [
    new RegExp(`\\b(?:getenv|env)\\(\\s*['"]${NAME}['"]`, 'g'),
    new RegExp(`\\$_ENV\\s*\\[\\s*['"]${NAME}['"]\\s*\\]`, 'g'),
  ],
  csharp: [new RegExp(`\\bEnvironment\\.GetEnvironmentVariable\\(\\s*"${NAME}"`, 'g')],
  elixir: [new RegExp(`\\bSystem\\.(?:get_env|fetch_env!?)\\(\\s*"${NAME}"`, 'g')],
};
ENV_VAR_PATTERNS.kotlin = ENV_VAR_PATTERNS.java ?? [];

/** `${DATABASE_URL}` or `${DATABASE_URL:default}` placeholders in Spring's application.yml/.properties. */
export const SPRING_PLACEHOLDER = new RegExp(`\\$\\{${UPPER_NAME}(?::[^}]*)?\\}`, 'g');

/** `const { A, B: b, C = 1 } = process.env` */
const DESTRUCTURED = /\{([^}]*)\}\s*=\s*process\.env\b/g;

/** Variables the platform sets, never configuration a deployment has to provide. */
export const PLATFORM_VARIABLES = new Set([
  'PATH',
  'HOME',
  'USER',
  'PWD',
  'SHELL',
  'TMPDIR',
  'TEMP',
  'TMP',
  'HOSTNAME',
  'LANG',
  'LC_ALL',
  'TERM',
]);

const ENV_HINT = /env|config\(|@Value/i;

/** Names of environment variables one line of code reads. */
export function readEnvVarNames(text: string, language: string): string[] {
  // Every reader names the environment (env, ENV, getenv, Environment) or a config call: most lines do neither.
  if (!ENV_HINT.test(text)) return [];
  const names: string[] = [];
  for (const pattern of ENV_VAR_PATTERNS[language] ?? []) {
    for (const match of text.matchAll(pattern)) names.push(match[1] ?? '');
  }
  if (language === 'javascript' || language === 'typescript') {
    for (const match of text.matchAll(DESTRUCTURED)) {
      for (const part of (match[1] ?? '').split(',')) {
        const name = /^\s*([A-Za-z_]\w*)/.exec(part)?.[1];
        if (name) names.push(name);
      }
    }
  }
  return names.filter((name) => name !== '' && !PLATFORM_VARIABLES.has(name));
}
