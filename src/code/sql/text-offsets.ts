/** Converts the UTF-8 byte offsets SQL parsers report into character offsets and line numbers of the text. */
export interface TextOffsets {
  charOf(byte: number): number;
  lineOf(char: number): number;
}

/** Offsets of `text`; `firstLine` numbers its first line. */
export function createTextOffsets(text: string, firstLine = 1): TextOffsets {
  const ascii = Buffer.byteLength(text) === text.length;
  const bytes = ascii ? undefined : Buffer.from(text);
  const lineStarts = [0];
  for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1))
    lineStarts.push(index + 1);
  return {
    charOf: (byte) => (bytes ? bytes.subarray(0, byte).toString('utf8').length : byte),
    lineOf(char) {
      let low = 0;
      let high = lineStarts.length - 1;
      while (low < high) {
        const middle = (low + high + 1) >> 1;
        if ((lineStarts[middle] ?? 0) <= char) low = middle;
        else high = middle - 1;
      }
      return low + firstLine;
    },
  };
}
