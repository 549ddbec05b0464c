const KEY_BEGIN = /-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----/;
const KEY_END = /-----END (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----/;

/**
 * Redacts output one line at a time, as it streams. The redactor sees one line, so a
 * private key printed over many lines would leave its middle lines readable: between a BEGIN
 * line and its END line every line is hidden whole.
 */
export class StreamRedactor {
  private insideKey = false;

  constructor(private readonly redact: (text: string) => string) {}

  line(text: string): string {
    if (this.insideKey) {
      if (!KEY_END.test(text)) return '***';
      this.insideKey = false;
      return this.redact(text);
    }
    if (KEY_BEGIN.test(text) && !KEY_END.test(text.slice(text.search(KEY_BEGIN)))) this.insideKey = true;
    return this.redact(text);
  }
}
