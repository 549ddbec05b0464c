import { describe, expect, it } from 'vitest';
import { createRedactor } from '../../src/redaction/redact-secrets.js';
import { findSecretInCode, SECRET_PATTERNS } from '../../src/redaction/secret-patterns.js';

// Built at run time, so no credential-shaped literal sits in the repository for scanners to trip on.
const repeat = (text: string, times: number) => text.repeat(times);
const SAMPLES: Record<string, string> = {
  'private key': `-----BEGIN RSA PRIVATE KEY-----\n${repeat('MIIEowIBAAKCAQEA', 4)}\n-----END RSA PRIVATE KEY-----`,
  'AWS access key id': `AKIA${repeat('Q7', 8)}`,
  'GitHub token': `ghp_${repeat('a1B2', 9)}`,
  'GitHub fine-grained token': `github_pat_11A${repeat('x9', 40)}`,
  'GitLab token': `glpat-${repeat('Ab3_', 5)}`,
  'Slack token': `xoxb-${repeat('1234567890', 2)}-${repeat('AbCd', 6)}`,
  'Slack webhook URL': `https://hooks.slack.com/services/T0123ABCD/B0123ABCD/${repeat('aB3d', 6)}`,
  'Stripe secret key': `sk_live_${repeat('4eC39HqLyjWDarjtT1zdp7dc', 1)}`,
  'Google API key': `AIza${repeat('SyD-9tSrke72PouQMnMX-a7e', 1)}${repeat('z', 11)}`,
  'Anthropic API key': `sk-ant-api03-${repeat('Xy_9-', 19)}AA`,
  'OpenAI API key': `sk-proj-${repeat('a1', 12)}T3BlbkFJ${repeat('b2', 12)}`,
  'npm token': `npm_${repeat('a1B2c3', 6)}`,
  'SendGrid API key': `SG.${repeat('ab', 11)}.${repeat('c', 43)}`,
  'Twilio API key': `SK${repeat('0f', 16)}`,
  'PyPI token': `pypi-AgEIcHlwaS5vcmc${repeat('Ab1-', 13)}`,
  'JSON web token': `eyJhbGciOiJIUzI1NiJ9.${repeat('eyJzdWIi', 2)}.${repeat('dozjgNry', 2)}`,
  'URL password': 'redis://default:s3cr3t-pass@cache:6379',
  'secret value': 'client_secret=abc123xyz',
};

describe('the one list of secret shapes', () => {
  const redact = createRedactor();
  const names = [...new Set(SECRET_PATTERNS.map((p) => p.name))];

  it('has a sample for every shape', () => {
    expect(Object.keys(SAMPLES).sort()).toEqual([...names].sort());
  });

  it.each(names)('the redactor removes a %s and says what it was', (name) => {
    const sample = SAMPLES[name] ?? '';
    const redacted = redact(`before ${sample} after`);
    expect(redacted).toContain(`[redacted: ${name}]`);
    expect(redacted.startsWith('before ')).toBe(true);
    expect(redacted.endsWith(' after')).toBe(true);
    expect(redacted).not.toContain(sample);
  });

  it.each(SECRET_PATTERNS.filter((p) => p.inCode).map((p) => p.name))(
    'the hard-coded-secret rule names a %s found in code',
    (name) => {
      const firstLine = (SAMPLES[name] ?? '').split('\n')[0] ?? '';
      expect(findSecretInCode(`const value = "${firstLine}";`)).toBe(name);
    },
  );

  it('covers the shapes the redactor used to miss: Slack, npm, Stripe and Google keys', () => {
    for (const name of ['Slack token', 'npm token', 'Stripe secret key', 'Google API key'])
      expect(redact(SAMPLES[name] ?? '')).toBe(`[redacted: ${name}]`);
  });

  it('leaves look-alikes alone', () => {
    const text = [
      `ghp_${repeat('a', 20)}`, // too short for a GitHub token
      `sk_test_${repeat('4eC39HqLyjWDarjtT1zdp7dc', 1)}`, // Stripe test mode opens nothing
      'sk-ant-api03-...', // a placeholder in docs
      'AKIA1234', // too short
      'https://example.com/path?q=1',
      'tokens: 1200',
    ].join('\n');
    expect(redact(text)).toBe(text);
  });

  it('does not flag in code what is as often test data or a local setting', () => {
    expect(findSecretInCode(`const jwt = "${SAMPLES['JSON web token']}";`)).toBeNull();
    expect(findSecretInCode('url: postgres://app:app@localhost/app')).toBeNull();
    // AWS's documented example key.
    expect(findSecretInCode('aws_access_key_id = AKIAIOSFODNN7EXAMPLE')).toBeNull();
  });
});
