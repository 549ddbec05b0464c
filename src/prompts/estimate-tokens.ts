/**
 * Characters per token assumed for ASCII text. Real tokenizers average 3.5–4 on code and
 * English; 3 keeps the estimate above the true count so the budget is never overrun.
 */
export const ASCII_CHARS_PER_TOKEN = 3;

/**
 * A conservative token estimate made before sending: ASCII at three characters a token,
 * every other UTF-16 unit as a whole token (CJK, emoji and symbols tokenize densely).
 */
export function estimateTokens(text: string): number {
  let ascii = 0;
  let other = 0;
  for (let i = 0; i < text.length; i += 1) {
    if (text.charCodeAt(i) < 0x80) ascii += 1;
    else other += 1;
  }
  return Math.ceil(ascii / ASCII_CHARS_PER_TOKEN) + other;
}
