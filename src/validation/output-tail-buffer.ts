/** Default limit of output kept per command: the end of a log is where runners print their summary. */
export const DEFAULT_OUTPUT_LIMIT_BYTES = 1024 * 1024;

/**
 * Keeps the last `limitBytes` bytes written to it, dropping the oldest chunks
 * first, so a command that prints gigabytes costs at most the limit in memory.
 */
export class OutputTailBuffer {
  private chunks: Buffer[] = [];
  private size = 0;
  private dropped = false;

  constructor(private readonly limitBytes: number = DEFAULT_OUTPUT_LIMIT_BYTES) {}

  /** Append a chunk, dropping whole old chunks (and the front of a partial one) past the limit. */
  write(chunk: Buffer): void {
    if (chunk.length === 0) return;
    const kept = chunk.length > this.limitBytes ? chunk.subarray(chunk.length - this.limitBytes) : chunk;
    if (kept !== chunk) this.dropped = true;
    this.chunks.push(kept);
    this.size += kept.length;
    while (this.size > this.limitBytes) {
      const first = this.chunks[0];
      if (!first) break;
      const excess = this.size - this.limitBytes;
      this.dropped = true;
      if (first.length <= excess) {
        this.chunks.shift();
        this.size -= first.length;
      } else {
        this.chunks[0] = first.subarray(excess);
        this.size -= excess;
      }
    }
  }

  /** True once anything was dropped. */
  get truncated(): boolean {
    return this.dropped;
  }

  /**
   * The kept output as text. When the front was dropped, the text starts at the
   * next full line: a line cut in half can hold half a secret that no pattern
   * recognises any more.
   */
  toString(): string {
    const text = Buffer.concat(this.chunks, this.size).toString('utf8');
    if (!this.dropped) return text;
    const newline = text.indexOf('\n');
    return newline === -1 ? '' : text.slice(newline + 1);
  }
}
