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
  while (i < sql.length) {
    const step = scanComment(sql, i, state) ?? scanToken(sql, i, state);
    if (step.token)
      state.tokens.push({
        ...step.token,
        upper: step.token.kind === 'word' ? step.token.text.toUpperCase() : step.token.text,
        line,
      });
    line += countLines(sql, i, step.next);
    i = step.next;
  }
  endStatement(state);
  return state.statements;
}

interface Step {
  next: number;
  token?: { kind: SqlToken['kind']; text: string };
}

/** Comments, and the goose/dbmate direction markers written as comments. */
function scanComment(sql: string, i: number, state: TokenizerState): Step | undefined {
  if (sql.startsWith('--', i)) {
    const end = sql.indexOf('\n', i);
    const stop = end === -1 ? sql.length : end;
    const text = sql.slice(i, stop);
    if (DOWN_MARKER.test(text) || UP_MARKER.test(text)) {
      endStatement(state);
      state.direction = DOWN_MARKER.test(text) ? 'down' : 'up';
    }
    return { next: stop };
  }
  if (!sql.startsWith('/*', i)) return undefined;
  const end = sql.indexOf('*/', i + 2);
  return { next: end === -1 ? sql.length : end + 2 };
}

function scanQuoted(sql: string, i: number): Step | undefined {
  const char = sql[i] ?? '';
  if (char === "'") {
    let end = i + 1;
    while (end < sql.length && !(sql[end] === "'" && sql[end + 1] !== "'")) end += sql[end] === "'" ? 2 : 1;
    return { next: end + 1, token: { kind: 'string', text: sql.slice(i + 1, end).replace(/''/g, "'") } };
  }
  if (char in CLOSING_QUOTE) {
    const end = sql.indexOf(CLOSING_QUOTE[char] ?? '"', i + 1);
    const stop = end === -1 ? sql.length : end;
    return { next: stop + 1, token: { kind: 'identifier', text: sql.slice(i + 1, stop) } };
  }
  const tag = char === '$' ? /^\$(\w*)\$/.exec(sql.slice(i, i + 64))?.[0] : undefined;
  if (tag === undefined) return undefined;
  const end = sql.indexOf(tag, i + tag.length);
  const stop = end === -1 ? sql.length : end;
  return {
    next: end === -1 ? sql.length : end + tag.length,
    token: { kind: 'string', text: sql.slice(i + tag.length, stop) },
  };
}

function scanToken(sql: string, i: number, state: TokenizerState): Step {
  const char = sql[i] ?? '';
  if (/\s/.test(char)) return { next: i + 1 };
  const quoted = scanQuoted(sql, i);
  if (quoted) return quoted;
  if (char === ';') {
    endStatement(state);
    return { next: i + 1 };
  }
  if (/[A-Za-z_]/.test(char)) {
    const word = /^[A-Za-z_][\w$]*/.exec(sql.slice(i, i + 256))?.[0] ?? char;
    // SQL Server's batch separator on its own line ends a statement too.
    if (word.toUpperCase() !== 'GO' || !aloneOnItsLine(sql, i, word.length))
      return { next: i + word.length, token: { kind: 'word', text: word } };
    endStatement(state);
    return { next: i + word.length };
  }
  const number = /^\d+(\.\d+)?/.exec(sql.slice(i, i + 64))?.[0];
  if (number) return { next: i + number.length, token: { kind: 'number', text: number } };
  return { next: i + 1, token: { kind: 'symbol', text: char } };
}
