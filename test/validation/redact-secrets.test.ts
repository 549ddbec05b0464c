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
      'db *** gh *** ai *** at /home/runner',
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
      extraSecrets: ['p@ss word/123'],
    });
    expect(redact('a first-line-secret b second-line-secret c p%40ss%20word%2F123 d p@ss word/123')).toBe(
      'a *** b *** c *** d ***',
    );
  });

  it.each([
    ['a GitHub token', `token ghp_${'a'.repeat(36)} end`, 'token *** end'],
    ['a fine-grained GitHub token', `github_pat_11ABCDEFG0${'x'.repeat(60)}`, '***'],
    [
      'an installation token',
      `x-access-token:ghs_${'B'.repeat(36)}@github.com`,
      'x-access-token:***@github.com',
    ],
    ['an Anthropic key', `key=sk-ant-api03-${'Z'.repeat(40)}`, 'key=***'],
    ['an AWS access key id', 'id AKIAIOSFODNN7EXAMPLE here', 'id *** here'],
    [
      'an AWS secret access key pair',
      'aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
      'aws_secret_access_key = ***',
    ],
    [
      'a JWT',
      'Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U',
      'Bearer ***',
    ],
    ['password= pairs', 'connect user=app password=s3cr3t! host=db', 'connect user=app password=*** host=db'],
    [
      'JSON secret pairs',
      '{"client_secret": "abc123xyz", "name": "x"}',
      '{"client_secret": "***", "name": "x"}',
    ],
    ['passwd: pairs', 'passwd: letmein', 'passwd: ***'],
    ['URL credentials', 'postgres://app:s3cr3t@db:5432/shop', 'postgres://app:***@db:5432/shop'],
  ])('redacts %s', (_kind, input, expected) => {
    expect(createRedactor()(input)).toBe(expected);
  });

  it('redacts PEM private key blocks whole, and the halves of one cut by an output tail', () => {
    const key = '-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA1\nabcdef\n-----END RSA PRIVATE KEY-----';
    const redact = createRedactor();
    expect(redact(`before\n${key}\nafter`)).toBe('before\n***\nafter');
    expect(redact('abcdef\nQUJD\n-----END PRIVATE KEY-----\nafter')).toBe('***\nafter');
    expect(redact('log\n-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjE')).toBe('log\n***');
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
