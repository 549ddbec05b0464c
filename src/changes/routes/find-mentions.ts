/** What the word search counts as one word: a run of letters, digits, `_`, `$` and `-` (so `user-service` is one). */
const WORD_CHARACTER = /[\w$-]/;
const WHOLE_WORD = /^[\w$-]+$/;

/** Past this many words in one pattern, the words are searched for in several passes. */
const WORDS_PER_PASS = 200;

/** True when `word` stands in `text` as a whole word. */
function containsWord(text: string, word: string): boolean {
  for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
    if (WORD_CHARACTER.test(text[at - 1] ?? '') || WORD_CHARACTER.test(text[at + word.length] ?? ''))
      continue;
    return true;
  }
  return false;
}

function wordPattern(words: readonly string[]): RegExp {
  const escaped = words.map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`(?<![\\w$-])(?:${escaped.join('|')})(?![\\w$-])`, 'g');
}

/** Which files mention which words, found for many words at once and remembered. */
export interface MentionFinder {
  /** Searches the files for these words (those not searched yet), all in one pass. */
  find(words: Iterable<string>): void;
  /** The files that mention `word`, in the order of the files searched; searches now if needed. */
  mentioning(word: string): string[];
}

/**
 * Finds the files that mention words, among `paths`: a word alone by a plain scan, many words
 * by one pattern over each file. Nothing is indexed up front: a change whose files mount
 * nothing searches nothing, and a large one searches the files once per round of questions.
 * `textsOf` gives the text (or texts) to search for a file: together they hold every word of it.
 */
export function createMentionFinder(
  paths: readonly string[],
  textsOf: (path: string) => readonly string[],
): MentionFinder {
  const found = new Map<string, string[]>();
  const find = (words: Iterable<string>): void => {
    const asked = [...new Set(words)].filter((word) => !found.has(word));
    // Text with other characters is never one word: nothing mentions it.
    for (const word of asked) if (!WHOLE_WORD.test(word)) found.set(word, []);
    const missing = asked.filter((word) => !found.has(word));
    if (missing.length === 0) return;
    for (const word of missing) found.set(word, []);
    if (missing.length === 1) {
      const [word = ''] = missing;
      found.set(
        word,
        paths.filter((path) => textsOf(path).some((text) => containsWord(text, word))),
      );
      return;
    }
    for (let start = 0; start < missing.length; start += WORDS_PER_PASS) {
      const pattern = wordPattern(missing.slice(start, start + WORDS_PER_PASS));
      for (const path of paths) {
        const seen = new Set<string>();
        for (const text of textsOf(path)) for (const match of text.matchAll(pattern)) seen.add(match[0]);
        for (const word of seen) found.get(word)?.push(path);
      }
    }
  };
  return {
    find,
    mentioning(word) {
      find([word]);
      return found.get(word) ?? [];
    },
  };
}
