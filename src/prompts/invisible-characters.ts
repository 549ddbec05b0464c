/**
 * Characters that change how text reads without being seen: zero-width characters,
 * bidirectional controls ("Trojan Source", CVE-2021-42574) and Unicode tag characters
 * (which can smuggle whole ASCII sentences past a human reader into a model).
 */

/** How dangerous an invisible character is in code. */
export type InvisibleKind = 'bidi-control' | 'tag' | 'zero-width';

export interface InvisibleCharacter {
  /** UTF-16 index in the text. */
  index: number;
  codePoint: number;
  kind: InvisibleKind;
}

// Embeddings, overrides and isolates reorder what a reviewer sees; LRM/RLM/ALM are plain marks
// used in right-to-left strings, so code keeps them but prose sent to the model loses them.
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/u;
const TAGS = /[\u{E0000}-\u{E007F}]/u;
// eslint-disable-next-line no-misleading-character-class -- variation selectors are matched alone on purpose
const ALWAYS_HIDDEN = /[\u200B\u2060-\u2064\uFEFF\u180E\u{E0100}-\u{E01EF}]/u;
// ZWJ/ZWNJ are real text in emoji sequences and in Persian or Indic scripts; between two
// ASCII characters (an identifier, a URL, an English sentence) they only hide something.
const JOINERS = /[\u200C\u200D]/u;
const ASCII_VISIBLE = /[\x21-\x7E]/;

/** Every character sanitized out of prose before it reaches a prompt. */
export const PROSE_INVISIBLES =
  // eslint-disable-next-line no-misleading-character-class -- variation selectors are matched alone on purpose
  /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C\u200B-\u200D\u2060-\u2064\uFEFF\u180E\u00AD\u{E0000}-\u{E007F}\u{E0100}-\u{E01EF}]/gu;

/** Finds the invisible characters in one line of code that a reviewer should be told about. */
export function findInvisibleCharacters(text: string, isFirstLineOfFile = false): InvisibleCharacter[] {
  const found: InvisibleCharacter[] = [];
  let index = 0;
  for (const char of text) {
    const kind = classify(char, text, index, isFirstLineOfFile);
    if (kind) found.push({ index, codePoint: char.codePointAt(0) ?? 0, kind });
    index += char.length;
  }
  return found;
}

function classify(
  char: string,
  text: string,
  index: number,
  isFirstLine: boolean,
): InvisibleKind | undefined {
  if (BIDI_CONTROLS.test(char)) return 'bidi-control';
  if (TAGS.test(char)) return 'tag';
  if (char === '\uFEFF' && isFirstLine && index === 0) return undefined; // a byte-order mark
  if (ALWAYS_HIDDEN.test(char)) return 'zero-width';
  if (JOINERS.test(char)) {
    const before = text[index - 1] ?? '';
    const after = text[index + 1] ?? '';
    if (ASCII_VISIBLE.test(before) && ASCII_VISIBLE.test(after)) return 'zero-width';
  }
  return undefined;
}

/** `U+202E` style name of a code point. */
export function codePointName(codePoint: number): string {
  return `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`;
}

/**
 * Replaces each reportable invisible character with a visible `[U+XXXX]`, so the model sees
 * (and cannot be steered by) text a human reviewer would not see.
 */
export function revealInvisibleCharacters(text: string): string {
  const found = findInvisibleCharacters(text);
  if (found.length === 0) return text;
  let result = '';
  let cursor = 0;
  for (const { index, codePoint } of found) {
    result += `${text.slice(cursor, index)}[${codePointName(codePoint)}]`;
    cursor = index + String.fromCodePoint(codePoint).length;
  }
  return result + text.slice(cursor);
}
