import { describe, expect, it } from 'vitest';
import { analyzeChanges } from '../../src/changes/analyze-changes.js';
import { addedFile, modifiedFile, projectFrom } from './diff-fixture.js';

const names = async (
  files: Parameters<typeof analyzeChanges>[0]['files'],
  projects = [projectFrom({ path: '.', language: 'java' })],
) =>
  (await analyzeChanges({ files, projects })).envVars.map(
    (envVar) => `${envVar.name}:${envVar.language}:${envVar.line}`,
  );

describe('environment variables read by new code', () => {
  it.each([
    [
      'src/a.ts',
      'const a = process.env.API_KEY;\nconst b = process.env["DB_HOST"] ?? Bun.env.BUN_ONLY;\nDeno.env.get("DENO_ONLY");',
      ['API_KEY:typescript:1', 'DB_HOST:typescript:2', 'BUN_ONLY:typescript:2', 'DENO_ONLY:typescript:3'],
    ],
    [
      'app/settings.py',
      'A = os.environ["SECRET_KEY"]\nB = os.environ.get("DEBUG", "0")\nC = os.getenv("REDIS_URL")\nD = env.bool("USE_S3")',
      ['SECRET_KEY:python:1', 'DEBUG:python:2', 'REDIS_URL:python:3', 'USE_S3:python:4'],
    ],
    [
      'cmd/main.go',
      'port := os.Getenv("PORT")\nv, ok := os.LookupEnv("TOKEN")\ntype C struct { URL string `env:"SERVICE_URL,required"` }',
      ['PORT:go:1', 'TOKEN:go:2', 'SERVICE_URL:go:3'],
    ],
    [
      'src/main.rs',
      'let a = std::env::var("DATABASE_URL")?;\nlet b = env!("CARGO_PKG_VERSION");\nlet c = option_env!("GIT_SHA");',
      ['DATABASE_URL:rust:1', 'CARGO_PKG_VERSION:rust:2', 'GIT_SHA:rust:3'],
    ],
    [
      'src/main/java/A.java',
      'String a = System.getenv("JWT_SECRET");\n@Value("${MAIL_HOST:localhost}") String host;\n@Value("${server.port}") int port;',
      ['JWT_SECRET:java:1', 'MAIL_HOST:java:2'],
    ],
    [
      'app/models/a.rb',
      'a = ENV["STRIPE_KEY"]\nb = ENV.fetch("SMTP_PORT", 25)',
      ['STRIPE_KEY:ruby:1', 'SMTP_PORT:ruby:2'],
    ],
    [
      'config/services.php',
      "<?php\nreturn [\n'key' => env('MAILGUN_SECRET'),\n'x' => getenv('LEGACY'),\n'y' => $_ENV['APP_ROLE'],\n];",
      ['MAILGUN_SECRET:php:3', 'LEGACY:php:4', 'APP_ROLE:php:5'],
    ],
    ['Api/Program.cs', 'var cs = Environment.GetEnvironmentVariable("CONN");', ['CONN:csharp:1']],
    [
      'config/runtime.exs',
      'url = System.get_env("DATABASE_URL")\nkey = System.fetch_env!("SECRET_KEY_BASE")',
      ['DATABASE_URL:elixir:1', 'SECRET_KEY_BASE:elixir:2'],
    ],
    [
      'src/main/resources/application.yml',
      'spring:\n  datasource:\n    url: ${DATABASE_URL}\n    password: ${DB_PASSWORD:secret}\n    driver: ${spring.driver}',
      ['DATABASE_URL:java:3', 'DB_PASSWORD:java:4'],
    ],
  ])('reads the variables of %s', async (path, content, expected) => {
    expect(await names([addedFile(path, content)])).toEqual(expected);
  });

  it('leaves out variables that removed lines already read, and commented-out reads', async () => {
    const file = modifiedFile(
      'src/config.ts',
      ['const port = process.env.PORT || 3000;'],
      [
        'const port = Number(process.env.PORT ?? 8080);',
        '// process.env.OLD_FLAG is gone',
        'const flag = process.env.NEW_FLAG;',
      ],
    );
    expect(await names([file])).toEqual(['NEW_FLAG:typescript:3']);
  });

  it('leaves out variables the base file already read when the checkout shows the whole file', async () => {
    const file = modifiedFile('src/config.ts', ['const a = 1;'], ['const a = process.env.PORT;']);
    const readFile = (path: string) =>
      path === 'src/config.ts' ? 'const a = process.env.PORT;\nconst b = process.env.PORT;\n' : undefined;
    const withCheckout = await analyzeChanges({
      files: [
        {
          ...file,
          patch: '@@ -1,2 +1,2 @@\n-const a = 1;\n+const a = process.env.PORT;\n const b = process.env.PORT;',
        },
      ],
      projects: [],
      readFile,
    });
    expect(withCheckout.envVars).toEqual([]);
  });

  it('reads the syntax tree: a variable named in a string, a docstring or after a regex literal with a backtick', async () => {
    const files = [
      addedFile(
        'src/slug.ts',
        'const SLUG = /^[a-z`]+$/;\nconst hint = "set process.env.NOT_READ";\nconst key = process.env.AFTER_REGEX;',
      ),
      addedFile(
        'app/jobs.py',
        'def run():\n    """Reads os.getenv("IN_DOCSTRING") one day."""\n    return os.getenv("REAL_READ")',
      ),
      addedFile('src/main/kotlin/App.kt', 'fun main() {\n    val url = System.getenv("KOTLIN_URL")\n}'),
    ];
    expect(await names(files)).toEqual([
      'AFTER_REGEX:typescript:3',
      'REAL_READ:python:3',
      'KOTLIN_URL:kotlin:2',
    ]);
  });

  it('does not report a read the PR moved to another file, nor one it only re-laid out', async () => {
    const moved = [
      modifiedFile('src/config.ts', ['const a = process.env.MOVED;', 'export {};'], ['export {};']),
      addedFile('src/settings.ts', 'export const a = process.env.MOVED;'),
    ];
    expect(await names(moved)).toEqual([]);
    const relaid = modifiedFile(
      'src/db.ts',
      ['const url = process.env.DATABASE_URL || "postgres://localhost/db";'],
      ['const url =', '  process.env.DATABASE_URL ||', '  "postgres://localhost/db";'],
    );
    expect(await names([relaid])).toEqual([]);
  });

  it('ignores tests, platform variables and documentation', async () => {
    const files = [
      addedFile('test/setup.test.ts', 'process.env.TEST_ONLY = "1";'),
      addedFile('src/paths.ts', 'const home = process.env.HOME;'),
      addedFile('README.md', 'Set process.env.README_ONLY'),
    ];
    expect(await names(files)).toEqual([]);
  });

  it('reports a variable once per project, at its first read', async () => {
    const files = [
      addedFile('src/a.ts', 'process.env.SHARED;\nprocess.env.SHARED;'),
      addedFile('src/b.ts', 'process.env.SHARED;'),
    ];
    expect(await names(files)).toEqual(['SHARED:typescript:1']);
  });

  it('finds documentation in .env templates, READMEs and docs pages changed by the PR, or in the checkout', async () => {
    const code = addedFile(
      'api/src/a.ts',
      'process.env.IN_TEMPLATE;\nprocess.env.IN_DOCS;\nprocess.env.IN_README;\nprocess.env.NOWHERE;\nprocess.env.IN_ROOT;',
    );
    const template = addedFile('api/.env.sample', 'IN_TEMPLATE=\nNOT_IN_TEMPLATE_X=');
    const docs = addedFile('docs/configuration.md', '| `IN_DOCS` | the docs |');
    const checkout: Record<string, string> = {
      'api/README.md': 'Export IN_README first.',
      '.env.example': 'IN_ROOT=1',
    };
    const projects = [projectFrom({ path: 'api', language: 'typescript' })];
    const found = (
      await analyzeChanges({
        files: [code, template, docs],
        projects,
        readFile: (path) => checkout[path],
      })
    ).envVars;
    expect(found.map((envVar) => [envVar.name, envVar.documented, envVar.documentedIn ?? null])).toEqual([
      ['IN_TEMPLATE', true, 'api/.env.sample'],
      ['IN_DOCS', true, 'docs/configuration.md'],
      ['IN_README', true, 'api/README.md'],
      ['NOWHERE', false, null],
      ['IN_ROOT', true, '.env.example'],
    ]);
  });

  it('does not take a longer name in the documentation for the variable', async () => {
    const code = addedFile('src/a.ts', 'process.env.API;');
    const template = addedFile('.env.example', 'API_URL=');
    expect((await analyzeChanges({ files: [code, template], projects: [] })).envVars[0]?.documented).toBe(
      false,
    );
  });
});
