import { randomBytes } from 'node:crypto';

/**
 * A fresh random token for one run. Untrusted text is wrapped in tags that carry it, so text
 * in a PR cannot close the wrapper: it cannot know the token in advance.
 */
export function createRunToken(random: (size: number) => Buffer = randomBytes): string {
  return random(16).toString('hex');
}

/** Removes every copy of the token (any case, also copies formed by the removal itself). */
export function removeRunToken(text: string, token: string): string {
  const pattern = new RegExp(token.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'gi');
  let current = text;
  for (;;) {
    const next = current.replace(pattern, '');
    if (next === current) return current;
    current = next;
  }
}

/** The opening tag of an untrusted block. */
export function untrustedOpenTag(token: string): string {
  return `<untrusted-${token}>`;
}

/** The closing tag of an untrusted block. */
export function untrustedCloseTag(token: string): string {
  return `</untrusted-${token}>`;
}

/**
 * Wraps untrusted text (PR prose, diff, file contents) in the run's delimiters, under a
 * trusted label saying what it is, after removing any copy of the token from the text.
 */
export function wrapUntrusted(label: string, text: string, token: string): string {
  return `${label}\n${untrustedOpenTag(token)}\n${removeRunToken(text, token)}\n${untrustedCloseTag(token)}`;
}
