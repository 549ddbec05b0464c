import type { CodeLanguage } from '../../code/language.js';

const HASH_COMMENT_LANGUAGES = new Set<CodeLanguage | null>(['python', 'ruby', 'elixir', 'php', null]);

/** True for a line that is only a comment (or the inside of a block comment), in `language`'s syntax. */
export function isCommentLine(text: string, language: CodeLanguage | null): boolean {
  const trimmed = text.trim();
  if (trimmed.startsWith('//') || trimmed.startsWith('/*') || trimmed.startsWith('*')) {
    return language !== 'python' && language !== 'ruby' && language !== 'elixir';
  }
  if (trimmed.startsWith('#')) return HASH_COMMENT_LANGUAGES.has(language) && !trimmed.startsWith('#[');
  // A line opening a docstring documents the code; it does not run.
  if (language === 'python') return /^[rRbBuU]?("""|''')/.test(trimmed);
  return false;
}

/** A regular-expression literal where an expression can start (JavaScript, Ruby); its braces are not blocks. */
const REGEX_LITERAL =
  /(^|[(,=:[!&|?{};]|\breturn)\s*\/(?![/*])(?:\\.|\[(?:\\.|[^\]\\])*\]|[^/\\\n])+\/[a-z]*/g;

/**
 * The line with string literals emptied and a trailing `//` comment dropped, so brace counting and
 * keyword checks see only code. Approximate by design: it handles one line at a time.
 */
export function codeOnly(text: string, language: CodeLanguage | null): string {
  const withoutRegex =
    language === 'javascript' || language === 'typescript' || language === 'ruby'
      ? text.replace(REGEX_LITERAL, '$1 /r/')
      : text;
  let code = withoutRegex.replace(/"(?:\\.|[^"\\])*"/g, '""').replace(/`(?:\\.|[^`\\])*`/g, '``');
  // A single quote is a character literal in Rust/Go/C#/Java and an apostrophe in Ruby symbols; only
  // treat it as a string delimiter where it is one.
  if (language !== 'rust') code = code.replace(/'(?:\\.|[^'\\])*'/g, "''");
  const hashComments = language === 'python' || language === 'ruby' || language === 'elixir';
  const slash = code.indexOf('//');
  if (slash >= 0 && !hashComments) code = code.slice(0, slash);
  if (hashComments) {
    const hash = code.indexOf('#');
    if (hash >= 0) code = code.slice(0, hash);
  }
  return code;
}

/** The number of leading spaces, counting a tab as four. */
export function indentOf(text: string): number {
  let width = 0;
  for (const character of text) {
    if (character === ' ') width += 1;
    else if (character === '\t') width += 4;
    else break;
  }
  return width;
}
