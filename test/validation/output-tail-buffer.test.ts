import { describe, expect, it } from 'vitest';
import { OutputTailBuffer } from '../../src/validation/output-tail-buffer.js';

describe('OutputTailBuffer', () => {
  it('keeps everything under the limit', () => {
    const buffer = new OutputTailBuffer(100);
    buffer.write(Buffer.from('one\n'));
    buffer.write(Buffer.from('two\n'));
    expect(buffer.toString()).toBe('one\ntwo\n');
    expect(buffer.truncated).toBe(false);
  });

  it('keeps the last bytes and starts at a whole line once the front is dropped', () => {
    const buffer = new OutputTailBuffer(16);
    for (const line of ['first line\n', 'second line\n', 'third\n', 'fourth\n'])
      buffer.write(Buffer.from(line));
    expect(buffer.truncated).toBe(true);
    expect(buffer.toString()).toBe('third\nfourth\n');
  });

  it('cuts a single chunk larger than the limit', () => {
    const buffer = new OutputTailBuffer(8);
    buffer.write(Buffer.from('aaaaaaaaaa\nbbbbbb'));
    expect(buffer.toString()).toBe('bbbbbb');
  });
});
