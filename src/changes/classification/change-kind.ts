/**
 * What a pull request is, as its report heads it: a `fix` (Bug Fix Report), a `feature`
 * ("Backend Feature Delivered"), or a `change` that adds no feature — a refactor, chore,
 * documentation, tests, CI or a dependency update ("Backend Change Delivered").
 */
export type ChangeKind = 'fix' | 'feature' | 'change';

/** One signal's verdict and, in human words, what it read: `gitmoji "🐛"`, `author "dependabot[bot]"`. */
export interface KindSignal {
  kind: ChangeKind;
  signal: string;
}

/** Quotes text for a signal, shortened: signals go into one line of the report. */
export function quoteSignal(text: string): string {
  const shown = text.length > 60 ? `${text.slice(0, 59)}…` : text;
  return `"${shown}"`;
}

/**
 * The title as a classifier reads it: Unicode-normalized, without the emoji variation selector
 * (U+FE0F, present or not in the same gitmoji depending on the keyboard), without the `(#123)`
 * GitHub appends to squash-merge subjects.
 */
export function normalizeTitle(title: string): string {
  return title
    .normalize('NFC')
    .replace(/\uFE0F/g, '')
    .replace(/\s*\(#\d+\)\s*$/, '')
    .trim();
}

/**
 * The title without a leading component or conventional-commit prefix (`server: `, `net/http: `,
 * `graphql: `, `fix(api): `), so readers of its wording see the words that open the sentence.
 */
export function titleWords(title: string): string {
  return title.replace(/^[\w./@-]+(?:\([^)]*\))?!?:\s+/, '');
}
