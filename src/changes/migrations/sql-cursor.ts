import type { SqlToken } from './tokenize-sql.js';

/** A cursor over one statement's tokens. */
export class SqlCursor {
  position = 0;
  constructor(readonly tokens: SqlToken[]) {}

  peek(offset = 0): SqlToken | undefined {
    return this.tokens[this.position + offset];
  }

  /** Consumes the words given, in order, if they come next. */
  accept(...words: string[]): boolean {
    const match = words.every((word, index) => {
      const token = this.peek(index);
      return token?.kind === 'word' && token.upper === word;
    });
    if (match) this.position += words.length;
    return match;
  }

  /** Consumes an optional `IF EXISTS` / `IF NOT EXISTS`. */
  acceptIfExists(): void {
    if (!this.accept('IF', 'NOT', 'EXISTS')) this.accept('IF', 'EXISTS');
  }

  /** Reads a possibly schema-qualified name (`public."Users"`), unquoted. */
  name(): string | undefined {
    const first = this.peek();
    if (!first || (first.kind !== 'word' && first.kind !== 'identifier')) return undefined;
    const parts = [first.text];
    this.position++;
    while (this.peek()?.text === '.' && this.peek()?.kind === 'symbol') {
      const next = this.peek(1);
      if (!next || (next.kind !== 'word' && next.kind !== 'identifier')) break;
      parts.push(next.text);
      this.position += 2;
    }
    return parts.join('.');
  }

  /** Reads a comma-separated list of names. */
  names(): string[] {
    const found: string[] = [];
    for (let name = this.name(); name !== undefined; name = this.name()) {
      found.push(name);
      if (this.peek()?.text !== ',') break;
      this.position++;
    }
    return found;
  }

  line(): number {
    return this.peek()?.line ?? this.tokens[this.tokens.length - 1]?.line ?? 0;
  }
}
