import type { DiffLine } from '../../../code/diff/changed-file.js';
import type { CodeLanguage } from '../../../code/language.js';

/** Declarations whose name is on the same line, per language. */
const DECLARATION: Readonly<Partial<Record<CodeLanguage, RegExp>>> = {
  javascript: /^\s*(?:it|test|specify)(?:\.each\([^)]*\))?\s*\(\s*(['"`])(.+?)\1/,
  typescript: /^\s*(?:it|test|specify)(?:\.each\([^)]*\))?\s*\(\s*(['"`])(.+?)\1/,
  python: /^\s*(?:async\s+)?def\s+()(test_\w+)/,
  go: /^func\s+()(Test\w+)\s*\(\s*\w+\s+\*testing\.T/,
  ruby: /^\s*(?:it|specify|scenario|test)\s*\(?\s*(['"])(.+?)\1/,
  php: /function\s+()(test\w+)\s*\(/,
  elixir: /^\s*test\s+(")(.+?)"/,
};

/** Annotations that make the next method a test, for languages that declare tests that way. */
const TEST_ANNOTATION =
  /^\s*(?:@(?:Test|ParameterizedTest|RepeatedTest)\b|\[(?:Fact|Theory|Test|TestMethod|TestCase)\b|#\[(?:tokio::)?test\])/;
const METHOD_NAME = /(?:fun\s+`?|void\s+|async\s+Task\s+|fn\s+|public\s+\w+\s+)([\w ]+?)`?\s*\(/;

/**
 * A JavaScript test call whose name Prettier moved to the next line: `it(` or `it.each([...])(` ending the
 * line, or the `])(` that closes a multi-line `it.each([` table.
 */
const WRAPPED_JS_DECLARATION = /^\s*(?:(?:it|test|specify)(?:\.each\(.*\))?|[\])}]\s*\))\s*\(\s*$/;
/** `])('name %s', …)`: the name after a multi-line `it.each([` table. */
const EACH_TABLE_END = /^\s*[\])}]\s*\)\s*\(\s*(['"`])(.+?)\1/;
const FIRST_STRING = /^\s*(['"`])(.+?)\1/;

/** The name of a JavaScript test whose declaration is wrapped over lines, read from the line after. */
function wrappedJavaScriptName(
  lines: readonly DiffLine[],
  index: number,
  insideEach: boolean,
): string | null {
  const line = lines[index];
  if (!line) return null;
  if (insideEach) {
    const tableEnd = EACH_TABLE_END.exec(line.text)?.[2];
    if (tableEnd) return tableEnd;
  }
  if (!WRAPPED_JS_DECLARATION.test(line.text) || (/^\s*[\])}]/.test(line.text) && !insideEach)) return null;
  const next = lines[index + 1];
  if (!next || next.line !== line.line + 1) return null;
  return FIRST_STRING.exec(next.text)?.[2] ?? null;
}

/** Test cases declared in `lines`, as `{ name, line }`, for the given language. */
export function testCasesIn(
  lines: readonly DiffLine[],
  language: CodeLanguage,
): { name: string; line: number }[] {
  const cases: { name: string; line: number }[] = [];
  const declaration = DECLARATION[language];
  const javascript = language === 'javascript' || language === 'typescript';
  // Line of an `it.each([` whose table runs over several lines, until the name after it is found.
  let eachStart: number | null = null;
  lines.forEach((line, index) => {
    const direct = declaration?.exec(line.text);
    if (direct?.[2]) {
      cases.push({ name: direct[2], line: line.line });
      return;
    }
    if (javascript) {
      const wrapped = wrappedJavaScriptName(lines, index, eachStart !== null);
      if (wrapped) {
        cases.push({ name: wrapped, line: eachStart ?? line.line });
        eachStart = null;
        return;
      }
      if (/^\s*(?:it|test|specify)\.each\s*\(\s*[[{]?\s*$/.test(line.text)) eachStart = line.line;
      return;
    }
    const previous = lines[index - 1];
    if (previous && previous.line === line.line - 1 && TEST_ANNOTATION.test(previous.text)) {
      const method = METHOD_NAME.exec(line.text);
      if (method?.[1]) cases.push({ name: method[1].trim(), line: line.line });
    }
  });
  return cases;
}
