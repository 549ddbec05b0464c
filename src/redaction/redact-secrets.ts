/**
 * Secret redaction for every piece of text the product prints, stores, posts or sends to a
 * model. Two kinds of secrets are removed: the values of secret-looking environment variables
 * and of the secret inputs (known exactly, matched literally), and the shapes of
 * secret-patterns.ts found anywhere. Each becomes a placeholder that says what was there
 * (`[redacted: GitHub token]`), so the text stays readable.
 */
import { SECRET_PATTERNS } from './secret-patterns.js';

export interface RedactorOptions {
  /** Environment whose secret-looking variables are redacted; defaults to none. */
  env?: NodeJS.ProcessEnv;
  /** More literal values to redact, with what they are (the action's secret inputs). */
  extraSecrets?: { name: string; value: string }[];
}

/** Env values shorter than this are too common as plain words to redact safely. */
const MIN_SECRET_LENGTH = 6;

// `AUTH(?!OR)` keeps GIT_AUTHOR_NAME and friends out: masking an author's name
// everywhere would be noise, not protection.
const SECRET_NAME = /TOKEN|SECRET|PASSWORD|PASSWD|KEY|CREDENTIAL|AUTH(?!OR)/i;
const SECRET_INPUT_NAME = /[-_](?:TOKEN|SECRET|PASSWORD|PASSWD|KEY|CREDENTIALS?)$/i;

/** What a secret becomes. Newlines inside it are kept, so a redacted diff keeps its line numbers. */
export function placeholder(name: string, replaced = ''): string {
  return `[redacted: ${name}]${'\n'.repeat(replaced.split('\n').length - 1)}`;
}

/**
 * Build a function that replaces secrets in text with placeholders. Build it once and reuse
 * it: the literal secrets are compiled into one expression, so a 1 MB output is a handful of
 * linear scans. Redacting redacted text changes nothing.
 */
export function createRedactor(options: RedactorOptions = {}): (text: string) => string {
  const literals = collectLiteralSecrets(options);
  const literalPattern =
    literals.length > 0 ? new RegExp(literals.map(({ value }) => escapeRegExp(value)).join('|'), 'g') : null;
  const nameOf = new Map(literals.map(({ name, value }) => [value, name]));
  return (text: string): string => {
    let redacted = literalPattern
      ? text.replace(literalPattern, (value) => placeholder(nameOf.get(value) ?? 'secret', value))
      : text;
    for (const { name, pattern } of SECRET_PATTERNS) redacted = replaceSecrets(redacted, name, pattern);
    return redacted;
  };
}

/** Replaces each match, or only its `secret` group when the pattern has one. */
function replaceSecrets(text: string, name: string, pattern: RegExp): string {
  return text.replace(pattern, (match: string, ...rest: unknown[]) => {
    const groups = rest.at(-1) as Record<string, string | undefined> | undefined;
    if (typeof groups !== 'object' || groups?.secret === undefined) return placeholder(name, match);
    return `${groups.before ?? ''}${placeholder(name, groups.secret)}${groups.after ?? ''}`;
  });
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

function collectLiteralSecrets(options: RedactorOptions): { name: string; value: string }[] {
  const values = new Map<string, string>();
  const add = (name: string, value: string): void => {
    for (const candidate of [value, ...value.split(/\r?\n/).map((line) => line.trim())]) {
      if (candidate.length < MIN_SECRET_LENGTH || values.has(candidate)) continue;
      values.set(candidate, name);
      // Secrets often reappear URL-encoded in logged URLs.
      const encoded = encodeURIComponent(candidate);
      if (encoded !== candidate) values.set(encoded, name);
    }
  };
  for (const { name, value } of options.extraSecrets ?? []) add(name, value);
  for (const [name, value] of Object.entries(options.env ?? {})) {
    // A bare number is never masked: it would blank ids and counts everywhere.
    if (!value || !isSecretVariableName(name) || /^\d+$/.test(value.trim())) continue;
    add(/^INPUT_/i.test(name) ? name.slice('INPUT_'.length).toLowerCase() : name, value);
  }
  // Longest first, so a secret that contains another is masked whole.
  return [...values]
    .map(([value, name]) => ({ name, value }))
    .sort((a, b) => b.value.length - a.value.length);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
