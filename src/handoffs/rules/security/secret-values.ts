/**
 * What counts as a secret's name and a secret's value, shared by the rules that look for hard-coded
 * or logged credentials. Tuned to keep false positives rare: placeholders, messages and env var names are not secrets.
 */

const SECRET_NAME_ENDINGS = [
  'password',
  'passwd',
  'passphrase',
  'secret',
  'secretkey',
  'apikey',
  'apisecret',
  'accesskey',
  'privatekey',
  'clientsecret',
  'accesstoken',
  'authtoken',
  'refreshtoken',
  'bearertoken',
  'apitoken',
  'bottoken',
  'sessiontoken',
  'secretkeybase',
  'jwtkey',
  'signingkey',
  'hmackey',
];

/** Names that end like a secret but hold something else. */
const NOT_SECRET_NAMES = new Set([
  'nopassword',
  'showpassword',
  'forgotpassword',
  'resetpassword',
  'haspassword',
]);

/** Normalises `DB_PASSWORD`, `dbPassword`, `db-password`, `$dbPassword` and `'db.password'` to `dbpassword`. */
export function normaliseName(name: string): string {
  return name.replace(/[^A-Za-z0-9]/g, '').toLowerCase();
}

/** True when an identifier or key names a credential: it ends with password, secret, api key, access token… */
export function isSecretName(name: string): boolean {
  const normalised = normaliseName(name);
  if (NOT_SECRET_NAMES.has(normalised)) return false;
  return SECRET_NAME_ENDINGS.some((ending) => normalised.endsWith(ending));
}

/** Names of machine credentials (keys, tokens): their values are generated, never words. */
export function isMachineCredentialName(name: string): boolean {
  return /(?:apikey|accesskey|token|apisecret)$/.test(normaliseName(name));
}

/** True for a bare `token` name, which needs a random-looking value before it counts. */
export function isGenericTokenName(name: string): boolean {
  const normalised = normaliseName(name);
  return normalised === 'token' || normalised === 'secrettoken' || normalised === 'jwttoken';
}

const PLACEHOLDER_WORDS =
  /(example|sample|placeholder|changeme|change[-_]?me|dummy|fake|redacted|your[-_ ]|xxxx|\*\*\*|<[^>]*>|\$\{|\{\{|%\(|^%s$|^\$[A-Za-z_]|^test(ing)?$|^none$|^null$|^undefined$|^todo$|^anonymous)/i;

/**
 * True for a value written to stand in for a secret rather than be one: too short to guess at, a placeholder
 * word (`changeme`, `<your-key>`, `xxx`), an env var's name, a path or URL, a format template.
 */
export function isPlaceholderSecret(value: string, name = ''): boolean {
  const trimmed = value.trim();
  if (trimmed.length < 6) return true;
  if (PLACEHOLDER_WORDS.test(trimmed)) return true;
  if (normaliseName(trimmed) === normaliseName(name)) return true;
  if (/^[A-Z][A-Z0-9_]*$/.test(trimmed)) return true; // the name of an env var, not its value
  if (/^(\/|\.\/|https?:\/\/|file:)/.test(trimmed) || (trimmed.match(/\//g)?.length ?? 0) >= 2) return true;
  if (/\{\w*\}|%[sd]/.test(trimmed)) return true; // a format template: `{password}`, `%s`
  if (/^(.)\1+$/.test(trimmed)) return true;
  return false;
}

/**
 * True for a value that is obviously not a real secret: a placeholder (see `isPlaceholderSecret`), or words
 * and keys rather than a credential (a message, `auth.password.label`).
 */
export function isPlaceholderValue(value: string, name = ''): boolean {
  const trimmed = value.trim();
  if (isPlaceholderSecret(trimmed, name)) return true;
  if (/\s/.test(trimmed)) return true;
  if (/^[a-z]+([._:-][a-z]+)+$/.test(trimmed)) return true; // an i18n key or setting name: `auth.password.label`
  return false;
}

/** True for values that look generated rather than typed: long, and mixing letters and digits. */
export function looksRandom(value: string): boolean {
  return /^[A-Za-z0-9+/=_\-.]{20,}$/.test(value) && /[0-9]/.test(value) && /[A-Za-z]/.test(value);
}
