/** Helpers for comparing route paths written in different frameworks' syntaxes. */

/** `:id`, `{id}`, `<int:id>`, `[id]`, `*`, `(?P<id>…)`, `$id` are parameters, not names. */
export function isParameterSegment(segment: string): boolean {
  return /^[:{<[*$(]/.test(segment) || segment.includes('{');
}

/** The path's segments, without empty ones from leading or trailing slashes. */
export function segmentsOf(path: string): string[] {
  return path
    .replace(/\?.*$/, '')
    .split('/')
    .filter((segment) => segment.length > 0);
}

/** A comparable form: parameters collapsed to `{}`, lower case, no trailing slash. */
export function normalisedPath(path: string): string {
  const segments = segmentsOf(path).map((segment) =>
    isParameterSegment(segment) ? '{}' : segment.toLowerCase(),
  );
  return `/${segments.join('/')}`;
}

export type SegmentStyle = 'kebab-case' | 'snake_case' | 'camelCase';

/** The naming style of a multi-word segment; null for one-word segments and parameters. */
export function segmentStyle(segment: string): SegmentStyle | null {
  if (isParameterSegment(segment)) return null;
  if (/^[a-z0-9]+(?:-[a-z0-9]+)+$/.test(segment)) return 'kebab-case';
  if (/^[a-z0-9]+(?:_[a-z0-9]+)+$/.test(segment)) return 'snake_case';
  if (/^[a-z]+[a-z0-9]*(?:[A-Z][a-z0-9]*)+$/.test(segment)) return 'camelCase';
  return null;
}

/** `orderItems` / `order_items` / `order-items` in another style. */
export function restyle(segment: string, style: SegmentStyle): string {
  const words = segment
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .split(/[-_\s]+/)
    .map((word) => word.toLowerCase());
  if (style === 'kebab-case') return words.join('-');
  if (style === 'snake_case') return words.join('_');
  return words
    .map((word, index) => (index === 0 ? word : word.charAt(0).toUpperCase() + word.slice(1)))
    .join('');
}

/** Words that are the same in singular and plural, or are not collections. */
const NOT_COUNTABLE = new Set([
  'me',
  'auth',
  'health',
  'status',
  'search',
  'info',
  'data',
  'metadata',
  'admin',
  'api',
  'config',
  'graphql',
  'media',
  'feedback',
  'news',
  'staff',
]);

/** True for a collection name in the plural (`users`, `categories`), by English spelling. */
export function isPlural(word: string): boolean {
  return /(?:[^s]s|ies|xes|ches|shes|sses)$/i.test(word) && !/(?:us|is|ss)$/i.test(word);
}

/** True when a one-word collection name could be compared for plural/singular at all. */
export function isCountable(word: string): boolean {
  return (
    /^[a-z]+(?:[-_][a-z]+)*$/i.test(word) && !NOT_COUNTABLE.has(word.toLowerCase()) && !/^v\d+$/.test(word)
  );
}

/** `user` → `users`, `category` → `categories`, `box` → `boxes`. */
export function pluralOf(word: string): string {
  if (/[^aeiou]y$/i.test(word)) return `${word.slice(0, -1)}ies`;
  if (/(?:s|x|z|ch|sh)$/i.test(word)) return `${word}es`;
  return `${word}s`;
}
