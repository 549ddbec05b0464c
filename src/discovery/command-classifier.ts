import type { CommandKind } from './project.js';

/** Shell words of one command line, without leading `VAR=value` assignments. */
export function commandWords(line: string): string[] {
  const words = line.trim().split(/\s+/).filter(Boolean);
  while (words.length > 0 && /^[A-Za-z_][A-Za-z0-9_]*=/.test(words[0] ?? '')) words.shift();
  return words;
}

/**
 * Patterns per kind, each a line of words: `npm run lint*` (a word ending in `*`
 * matches by prefix), `yarn $` (a final `$` means nothing may follow).
 */
export type CommandPatterns = Partial<Record<CommandKind, readonly string[]>>;

/** A classifier for an ecosystem's command lines, from its patterns. Lint is tried before test, then install. */
export function createCommandClassifier(
  patterns: CommandPatterns,
): (words: readonly string[]) => CommandKind | undefined {
  const compiled = (['lint', 'test', 'install'] as const).map(
    (kind) => [kind, (patterns[kind] ?? []).map((pattern) => pattern.split(/\s+/))] as const,
  );
  return (words) => {
    for (const [kind, list] of compiled)
      if (list.some((pattern) => matchesWords(words, pattern))) return kind;
    return undefined;
  };
}

function matchesWords(words: readonly string[], pattern: readonly string[]): boolean {
  for (let i = 0; i < pattern.length; i++) {
    const expected = pattern[i] as string;
    if (expected === '$') return words.length === i;
    const actual = words[i];
    if (actual === undefined) return false;
    if (expected.endsWith('*') ? !actual.startsWith(expected.slice(0, -1)) : actual !== expected)
      return false;
  }
  return true;
}
