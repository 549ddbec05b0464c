import { describe, expect, it } from 'vitest';
import { createRedactor, isSecretVariableName } from '../../src/redaction/redact-secrets.js';

describe('createRedactor', () => {
  it('redacts values of secret-looking environment variables, including the action’s inputs', () => {
    const redact = createRedactor({
      env: {
        DB_PASSWORD: 'hunter2-long',
        'INPUT_GITHUB-TOKEN': 'plain-token-value',
        'INPUT_ANTHROPIC-API-KEY': 'anthropic-value-1',
        HOME: '/home/runner',
      },
    });
    expect(redact('db hunter2-long gh plain-token-value ai anthropic-value-1 at /home/runner')).toBe(
      'db [redacted: DB_PASSWORD] gh [redacted: github-token] ai [redacted: anthropic-api-key] at /home/runner',
    );
  });

  it('leaves short or numeric env values, author names and action settings alone', () => {
    const redact = createRedactor({
      env: {
        API_KEY: 'abc12',
        GIT_AUTHOR_NAME: 'Grace Hopper',
        'INPUT_MAX-INPUT-TOKENS': '100000',
        'INPUT_CONFIG-PATH': '.github/x.yml',
        BUILD_TOKEN_ID: '4711009',
      },
    });
    const text = 'key abc12 by Grace Hopper used 100000 tokens from .github/x.yml in build 4711009';
    expect(redact(text)).toBe(text);
  });

  it('redacts multi-line secrets line by line and their URL-encoded form', () => {
    const redact = createRedactor({
      env: { SERVICE_CREDENTIALS: 'first-line-secret\nsecond-line-secret' },
      extraSecrets: [{ name: 'db-password', value: 'p@ss word/123' }],
    });
    expect(redact('a first-line-secret b second-line-secret c p%40ss%20word%2F123 d p@ss word/123')).toBe(
      'a [redacted: SERVICE_CREDENTIALS] b [redacted: SERVICE_CREDENTIALS] c [redacted: db-password] d [redacted: db-password]',
    );
  });

  it.each([
    ['a GitHub token', `token ghp_${'a'.repeat(36)} end`, 'token [redacted: GitHub token] end'],
    [
      'a fine-grained GitHub token',
      `github_pat_11ABCDEFG0${'x'.repeat(60)}`,
      '[redacted: GitHub fine-grained token]',
    ],
    [
      'an installation token',
      `x-access-token:ghs_${'B'.repeat(36)}@github.com`,
      'x-access-token:[redacted: GitHub token]@github.com',
    ],
    ['an Anthropic key', `key=sk-ant-api03-${'Z'.repeat(40)}`, 'key=[redacted: Anthropic API key]'],
    ['an AWS access key id', 'id AKIAIOSFODNN7EXAMPLE here', 'id [redacted: AWS access key id] here'],
    [
      'an AWS secret access key pair',
      'aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
      'aws_secret_access_key = [redacted: secret value]',
    ],
    [
      'a JWT',
      'Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U',
      'Bearer [redacted: JSON web token]',
    ],
    [
      'password= pairs',
      'connect user=app password=s3cr3t! host=db',
      'connect user=app password=[redacted: secret value] host=db',
    ],
    [
      'JSON secret pairs',
      '{"client_secret": "abc123xyz", "name": "x"}',
      '{"client_secret": "[redacted: secret value]", "name": "x"}',
    ],
    ['passwd: pairs', 'passwd: letmein', 'passwd: [redacted: secret value]'],
    [
      'URL credentials',
      'postgres://app:s3cr3t@db:5432/shop',
      'postgres://app:[redacted: URL password]@db:5432/shop',
    ],
  ])('redacts %s', (_kind, input, expected) => {
    expect(createRedactor()(input)).toBe(expected);
  });

  it('redacts PEM private key blocks whole, and the halves of one cut by an output tail', () => {
    const key = '-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA1\nabcdef\n-----END RSA PRIVATE KEY-----';
    const redact = createRedactor();
    // The lines stay: a redacted diff or log keeps its line numbers.
    expect(redact(`before\n${key}\nafter`)).toBe('before\n[redacted: private key]\n\n\n\nafter');
    expect(redact('abcdef\nQUJD\n-----END PRIVATE KEY-----\nafter')).toBe(
      '[redacted: private key]\n\n\nafter',
    );
    expect(redact('log\n-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjE')).toBe(
      'log\n[redacted: private key]\n',
    );
  });

  it('changes nothing when run again on its own output', () => {
    const redact = createRedactor({ env: { DEPLOY_TOKEN: 'deploy-token-value' } });
    const text = [
      'token: deploy-token-value',
      `password=hunter2 ghp_${'a'.repeat(36)} https://u:pw@h/x`,
      '-----BEGIN PRIVATE KEY-----\nQUJD\n-----END PRIVATE KEY-----',
    ].join('\n');
    const once = redact(text);
    expect(redact(once)).toBe(once);
    expect(once).toContain('token: [redacted: DEPLOY_TOKEN]');
  });

  it('keeps ordinary output intact', () => {
    const text = 'Tests: 3 passed, 3 total\nTokens: 1200 used\nkey: value\nhttps://example.com/path';
    expect(createRedactor()(text)).toBe(text);
  });

  it('redacts a megabyte of output in well under a second', () => {
    const env = Object.fromEntries(
      Array.from({ length: 30 }, (_, index) => [`SERVICE_${index}_TOKEN`, `secret-value-number-${index}`]),
    );
    const redact = createRedactor({ env });
    const line =
      'at Object.<anonymous> (src/app.test.js:12:5) expected 3 to be 4 token=abcdef secret-value-number-7\n';
    const text = line.repeat(Math.ceil((1024 * 1024) / line.length));
    const started = performance.now();
    const redacted = redact(text);
    const elapsed = performance.now() - started;
    expect(redacted).not.toContain('secret-value-number-7');
    expect(elapsed).toBeLessThan(1_000);
  });
});

describe('isSecretVariableName', () => {
  it.each([
    'GITHUB_TOKEN',
    'AWS_SECRET_ACCESS_KEY',
    'db_password',
    'NPM_AUTH',
    'GOOGLE_CREDENTIALS',
    'INPUT_ANTHROPIC-API-KEY',
  ])('treats %s as secret', (name) => {
    expect(isSecretVariableName(name)).toBe(true);
  });

  it.each(['HOME', 'PATH', 'GIT_AUTHOR_NAME', 'CI', 'INPUT_MAX-INPUT-TOKENS', 'INPUT_FAIL-ON'])(
    'treats %s as public',
    (name) => {
      expect(isSecretVariableName(name)).toBe(false);
    },
  );
});
