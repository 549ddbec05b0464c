/**
 * The one list of secret shapes. The redactor removes every match from what the product logs,
 * posts or sends to a model; the hard-coded-secret rule flags the entries marked `inCode` on the
 * lines a pull request adds. Keeping one list means a credential the rule knows is never sent
 * to a third party, and the other way round.
 *
 * Each pattern is global. When it has a group named `secret`, only that group is the secret: the
 * groups `before` and `after` around it (a variable name, a URL's user) stay readable.
 *
 * Lengths follow the providers' documented formats: a shorter string is not a working
 * credential of that kind, and matching it would blank ordinary text.
 */
export interface SecretPattern {
  /** What the secret is, as the placeholder and the finding name it: `GitHub token`. */
  name: string;
  pattern: RegExp;
  /**
   * Whether the rule flags it in code. Shapes that are just as often test data or local
   * settings (a JWT, `postgres://app:app@localhost`, `password=`) are left to the rule's own
   * reading of assignments, which knows placeholders.
   */
  inCode: boolean;
}

const PRIVATE_KEY_TYPE = '(?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?';

export const SECRET_PATTERNS: readonly SecretPattern[] = [
  // PEM private keys, including PGP blocks; the key type must match at both ends.
  {
    name: 'private key',
    pattern: /-----BEGIN ((?:[A-Z0-9]+ )*)PRIVATE KEY( BLOCK)?-----[\s\S]*?-----END \1PRIVATE KEY\2-----/g,
    inCode: true,
  },
  // A key cut at its end (a process died mid-print, or one line of a diff): from BEGIN on.
  {
    name: 'private key',
    pattern: new RegExp(`-----BEGIN ${PRIVATE_KEY_TYPE}-----(?![\\s\\S]*-----END )[\\s\\S]*$`, 'g'),
    inCode: true,
  },
  // A key cut at its start (an output tail begins mid-key): up to END. The BEGIN line is what the rule flags.
  {
    name: 'private key',
    pattern: new RegExp(`^[\\s\\S]{0,20000}?-----END ${PRIVATE_KEY_TYPE}-----`, 'g'),
    inCode: false,
  },
  // AWS access key ids: long-term AKIA, temporary ASIA.
  { name: 'AWS access key id', pattern: /\b(?:AKIA|ASIA)[0-9A-Z]{16}\b/g, inCode: true },
  // GitHub: classic, OAuth, user-to-server, server-to-server (installation) and refresh tokens; fine-grained.
  { name: 'GitHub token', pattern: /\bgh[pousr]_[A-Za-z0-9]{36,255}\b/g, inCode: true },
  { name: 'GitHub fine-grained token', pattern: /\bgithub_pat_[A-Za-z0-9_]{22,255}\b/g, inCode: true },
  { name: 'GitLab token', pattern: /\bglpat-[A-Za-z0-9_-]{20,}\b/g, inCode: true },
  // Slack bot (xoxb-), user (xoxp-), app-level and legacy tokens.
  { name: 'Slack token', pattern: /\bxox[abposr]-[A-Za-z0-9-]{10,}/g, inCode: true },
  {
    name: 'Slack webhook URL',
    pattern: /hooks\.slack\.com\/services\/T[A-Z0-9]+\/B[A-Z0-9]+\/[A-Za-z0-9]{20,}/g,
    inCode: true,
  },
  // Stripe live secret and restricted keys; test-mode keys (`sk_test_`) open nothing.
  { name: 'Stripe secret key', pattern: /\b[sr]k_live_[0-9A-Za-z]{20,}\b/g, inCode: true },
  { name: 'Google API key', pattern: /\bAIza[0-9A-Za-z_-]{35}\b/g, inCode: true },
  // Anthropic API, admin and OAuth keys: sk-ant-api03-…, sk-ant-admin01-…, sk-ant-oat01-….
  { name: 'Anthropic API key', pattern: /\bsk-ant-[a-z]+\d{2}-[A-Za-z0-9_-]{32,}/g, inCode: true },
  {
    name: 'OpenAI API key',
    pattern: /\bsk-(?:proj-)?[A-Za-z0-9_-]{20,}T3BlbkFJ[A-Za-z0-9_-]{20,}/g,
    inCode: true,
  },
  { name: 'npm token', pattern: /\bnpm_[A-Za-z0-9]{36}\b/g, inCode: true },
  { name: 'SendGrid API key', pattern: /\bSG\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43}\b/g, inCode: true },
  { name: 'Twilio API key', pattern: /\bSK[0-9a-f]{32}\b/g, inCode: true },
  { name: 'PyPI token', pattern: /\bpypi-AgEIcHlwaS5vcmc[A-Za-z0-9_-]{50,}/g, inCode: true },
  // JWTs: base64url JSON header (`{"` → `eyJ`), payload and signature.
  {
    name: 'JSON web token',
    pattern: /\beyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/g,
    inCode: false,
  },
  // Credentials in URLs: `scheme://user:password@host`.
  {
    name: 'URL password',
    pattern: /(?<before>\/\/[^\s:@/]+:)(?<secret>[^\s@/]+)(?<after>@)/g,
    inCode: false,
  },
  // `name=value`, `name: value`, `"name": "value"` whose name says secret. The look-behind lets
  // `DB_PASSWORD=` and `client_secret=` match while `tokens:` does not; a value already redacted stays.
  {
    name: 'secret value',
    pattern:
      /(?<before>(?<![A-Za-z0-9])(?:aws_secret_access_key|password|passwd|secret|token|api[_-]?key|access[_-]?key|private[_-]?key)["']?[ \t]*[=:][ \t]*["']?)(?!\[redacted)(?<secret>[^\s"'&,;<>]+)/gi,
    inCode: false,
  },
];

/** AWS's documentation keys end in EXAMPLE; a key like that is documentation, not a leak. */
const DOCUMENTED_EXAMPLE = /EXAMPLE/;

/**
 * The kind of credential found in one line of code (e.g. "GitHub token"), or null. Only the
 * shapes marked `inCode`, and never AWS's documented example keys.
 */
export function findSecretInCode(text: string): string | null {
  for (const { name, pattern, inCode } of SECRET_PATTERNS) {
    if (!inCode) continue;
    for (const match of text.matchAll(pattern)) {
      if (!DOCUMENTED_EXAMPLE.test(match[0])) return name;
    }
  }
  return null;
}
