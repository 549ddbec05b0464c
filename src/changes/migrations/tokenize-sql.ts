/** One SQL token: a keyword or bare identifier (`word`), a quoted identifier, a string, a number or a symbol. */
export interface SqlToken {
  kind: 'word' | 'identifier' | 'string' | 'number' | 'symbol';
  /** Words upper-cased are in `upper`; `text` keeps the source spelling, quotes removed for identifiers. */
  text: string;
  upper: string;
  line: number;
}

/** A statement's tokens, and the direction the file's markers put it in (goose, dbmate). */
export interface SqlStatement {
  tokens: SqlToken[];
  line: number;
  endLine: number;
  direction: 'up' | 'down';
}

const DOWN_MARKER = /^--\s*(\+goose\s+down|migrate:down)\b/i;
const UP_MARKER = /^--\s*(\+goose\s+up|migrate:up)\b/i;
const CLOSING_QUOTE: Record<string, string> = { '"': '"', '`': '`', '[': ']' };

interface TokenizerState {
  tokens: SqlToken[];
  statements: SqlStatement[];
  direction: 'up' | 'down';
}

function endStatement(state: TokenizerState): void {
  const first = state.tokens[0];
  const last = state.tokens[state.tokens.length - 1];
  if (first && last)
    state.statements.push({
      tokens: state.tokens,
      line: first.line,
      endLine: last.line,
      direction: state.direction,
    });
  state.tokens = [];
}

function countLines(text: string, from: number, to: number): number {
  let lines = 0;
  for (let i = from; i < to; i++) if (text.charCodeAt(i) === 10) lines++;
  return lines;
}

function aloneOnItsLine(sql: string, start: number, length: number): boolean {
  const lineStart = sql.lastIndexOf('\n', start - 1) + 1;
  const lineEnd = sql.indexOf('\n', start);
  return (
    sql.slice(lineStart, start).trim() === '' &&
    sql.slice(start + length, lineEnd === -1 ? sql.length : lineEnd).trim() === ''
  );
}

/**
 * Splits SQL into statements of tokens, skipping comments and reading quoted
 * identifiers (`"a"`, `` `a` ``, `[a]`), strings (`'it''s'`), and dollar-quoted bodies
 * (`$$ … $$`, whose semicolons do not end the statement). `firstLine` numbers the first line.
 */
export function tokenizeSql(sql: string, firstLine = 1): SqlStatement[] {
  const state: TokenizerState = { tokens: [], statements: [], direction: 'up' };
  let line = firstLine;
  let i = 0;
  const push = (kind: SqlToken['kind'], text: string, end: number): void => {
    state.tokens.push({ kind, text, upper: kind === 'word' ? text.toUpperCase() : text, line });
    line += countLines(sql, i, end);
    i = end;
  };
  while (i < sql.length) {
    const char = sql[i] ?? '';
    const comment = sql.startsWith('--', i) || sql.startsWith('/*', i);
    if (char === '\n') {
      line++;
      i++;
    } else if (/\s/.test(char)) i++;
    else if (comment && char === '-') {
      const end = sql.indexOf('\n', i);
      const text = sql.slice(i, end === -1 ? sql.length : end);
      if (DOWN_MARKER.test(text) || UP_MARKER.test(text)) {
        endStatement(state);
        state.direction = DOWN_MARKER.test(text) ? 'down' : 'up';
      }
      i = end === -1 ? sql.length : end;
    } else if (comment) {
      const end = sql.indexOf('*/', i + 2);
      const stop = end === -1 ? sql.length : end + 2;
      line += countLines(sql, i, stop);
      i = stop;
    } else if (char === "'") {
      let end = i + 1;
      while (end < sql.length && !(sql[end] === "'" && sql[end + 1] !== "'")) end += sql[end] === "'" ? 2 : 1;
      push('string', sql.slice(i + 1, end).replace(/''/g, "'"), end + 1);
    } else if (char in CLOSING_QUOTE) {
      const end = sql.indexOf(CLOSING_QUOTE[char] ?? '"', i + 1);
      const stop = end === -1 ? sql.length : end;
      push('identifier', sql.slice(i + 1, stop), stop + 1);
    } else if (char === '$' && /^\$(\w*)\$/.test(sql.slice(i, i + 64))) {
      const tag = /^\$(\w*)\$/.exec(sql.slice(i, i + 64))?.[0] ?? '$$';
      const end = sql.indexOf(tag, i + tag.length);
      const stop = end === -1 ? sql.length : end + tag.length;
      push('string', sql.slice(i + tag.length, end === -1 ? sql.length : end), stop);
    } else if (char === ';') {
      endStatement(state);
      i++;
    } else if (/[A-Za-z_]/.test(char)) {
      const word = /^[A-Za-z_][\w$]*/.exec(sql.slice(i, i + 256))?.[0] ?? char;
      // SQL Server's batch separator on its own line ends a statement too.
      if (word.toUpperCase() === 'GO' && aloneOnItsLine(sql, i, word.length)) {
        endStatement(state);
        i += 2;
      } else push('word', word, i + word.length);
    } else if (/\d/.test(char)) {
      const number = /^\d+(\.\d+)?/.exec(sql.slice(i, i + 64))?.[0] ?? char;
      push('number', number, i + number.length);
    } else push('symbol', char, i + 1);
  }
  endStatement(state);
  return state.statements;
}
