/**
 * Secret redaction for every piece of text the product prints, stores or posts.
 * Two kinds of secrets are removed: the values of secret-looking environment
 * variables (known exactly, matched literally), and well-known secret shapes
 * (tokens, keys, private key blocks, `password=` pairs) found anywhere.
 */

export interface RedactorOptions {
  /** Environment whose secret-looking variables are redacted; defaults to none. */
  env?: NodeJS.ProcessEnv;
  /** More literal values to redact (for example inputs the caller knows are secret). */
  extraSecrets?: string[];
}

const MASK = '***';

/** Env values shorter than this are too common as plain words to redact safely. */
const MIN_SECRET_LENGTH = 6;

// `AUTH(?!OR)` keeps GIT_AUTHOR_NAME and friends out: masking an author's name
// everywhere would be noise, not protection.
const SECRET_NAME = /TOKEN|SECRET|PASSWORD|PASSWD|KEY|CREDENTIAL|AUTH(?!OR)/i;
const SECRET_INPUT_NAME = /[-_](?:TOKEN|SECRET|PASSWORD|PASSWD|KEY|CREDENTIALS?)$/i;

/** Shapes that are secrets wherever they appear; each is replaced whole. */
const SECRET_SHAPES: RegExp[] = [
  // GitHub tokens: classic, OAuth, user-to-server, server-to-server, refresh, fine-grained.
  /\b(?:ghp|gho|ghu|ghs|ghr)_[A-Za-z0-9]{20,255}\b/g,
  /\bgithub_pat_[A-Za-z0-9_]{22,255}\b/g,
  // Anthropic API and admin keys (sk-ant-api03-…, sk-ant-admin01-…).
  /\bsk-ant-[A-Za-z0-9_-]{16,}/g,
  // AWS access key ids (long-term AKIA, temporary ASIA).
  /\b(?:AKIA|ASIA)[A-Z0-9]{16}\b/g,
  // JWTs: base64url JSON header (`{"` → `eyJ`), payload and signature.
  /\beyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/g,
  // PEM private keys, including PGP blocks; the key type must match at both ends.
  /-----BEGIN ((?:[A-Z0-9]+ )*)PRIVATE KEY( BLOCK)?-----[\s\S]*?-----END \1PRIVATE KEY\2-----/g,
  // A private key cut at either end (an output tail starts mid-key, or a process died mid-print).
  /^[\s\S]{0,20000}?-----END (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----/g,
  /-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----(?![\s\S]*-----END )[\s\S]*$/g,
];

/**
 * `name=value`, `name: value`, `"name": "value"` pairs whose name says secret; the
 * name stays readable, the value goes. The look-behind lets `DB_PASSWORD=` and
 * `client_secret=` match while `tokens:` does not (the name must end at the separator).
 */
const SECRET_PAIR =
  /(?<![A-Za-z0-9])(aws_secret_access_key|password|passwd|secret|token|api[_-]?key|access[_-]?key|private[_-]?key)(["']?[ \t]*[=:][ \t]*["']?)(?!\*\*\*)([^\s"'&,;<>]+)/gi;

/** Credentials in URLs: `scheme://user:password@host`. */
const URL_CREDENTIALS = /(\/\/[^\s:@/]+:)([^\s@/]+)@/g;

/**
 * Build a function that replaces secrets in text with `***`. Build it once and
 * reuse it: the literal secrets are compiled into one expression, so a 1 MB
 * output is a handful of linear scans.
 */
export function createRedactor(options: RedactorOptions = {}): (text: string) => string {
  const literals = collectLiteralSecrets(options);
  const literalPattern = literals.length > 0 ? new RegExp(literals.map(escapeRegExp).join('|'), 'g') : null;
  return (text: string): string => {
    let redacted = literalPattern ? text.replace(literalPattern, MASK) : text;
    for (const shape of SECRET_SHAPES) redacted = redacted.replace(shape, MASK);
    redacted = redacted.replace(
      SECRET_PAIR,
      (_match, name: string, separator: string) => `${name}${separator}${MASK}`,
    );
    return redacted.replace(URL_CREDENTIALS, `$1${MASK}@`);
  };
}

/**
 * Whether an environment variable's name says it holds a secret. Action inputs
 * arrive as `INPUT_<name>` and are mostly settings (`INPUT_MAX-INPUT-TOKENS`
 * holds a budget, not a token), so an input counts only when its name ends in
 * a secret word, as `INPUT_GITHUB-TOKEN` and `INPUT_ANTHROPIC-API-KEY` do.
 */
export function isSecretVariableName(name: string): boolean {
  if (/^INPUT_/i.test(name)) return SECRET_INPUT_NAME.test(name);
  return SECRET_NAME.test(name);
}

function collectLiteralSecrets(options: RedactorOptions): string[] {
  const values = new Set<string>();
  const add = (value: string): void => {
    for (const candidate of [value, ...value.split(/\r?\n/).map((line) => line.trim())]) {
      if (candidate.length < MIN_SECRET_LENGTH) continue;
      values.add(candidate);
      // Secrets often reappear URL-encoded in logged URLs.
      const encoded = encodeURIComponent(candidate);
      if (encoded !== candidate) values.add(encoded);
    }
  };
  for (const [name, value] of Object.entries(options.env ?? {})) {
    // A bare number is never masked: it would blank ids and counts everywhere.
    if (!value || !isSecretVariableName(name) || /^\d+$/.test(value.trim())) continue;
    add(value);
  }
  for (const value of options.extraSecrets ?? []) add(value);
  // Longest first, so a secret that contains another is masked whole.
  return [...values].sort((a, b) => b.length - a.length);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
