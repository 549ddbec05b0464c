/** The longest line shown live; a longer one (minified code, a data dump) is cut. */
const MAX_LINE_CHARS = 4_000;

/**
 * Turns output chunks into whole lines as they complete. A carriage return rewrites the line
 * on a terminal (progress bars), so only the text after the last one is kept.
 */
export class LineSplitter {
  private partial = '';
  private readonly decoder = new TextDecoder();

  constructor(private readonly onLine: (line: string) => void) {}

  write(chunk: Buffer): void {
    const text = this.partial + this.decoder.decode(chunk, { stream: true });
    const lines = text.split('\n');
    this.partial = lines.pop() ?? '';
    if (this.partial.length > MAX_LINE_CHARS * 4) {
      lines.push(this.partial);
      this.partial = '';
    }
    for (const line of lines) this.emit(line);
  }

  /** Emits the last line when the output did not end with a newline. */
  end(): void {
    const rest = this.partial + this.decoder.decode();
    this.partial = '';
    if (rest.length > 0) this.emit(rest);
  }

  private emit(line: string): void {
    const shown = line.endsWith('\r') ? line.slice(0, -1) : line;
    const visible = shown.slice(shown.lastIndexOf('\r') + 1);
    this.onLine(visible.length > MAX_LINE_CHARS ? `${visible.slice(0, MAX_LINE_CHARS)}…` : visible);
  }
}
