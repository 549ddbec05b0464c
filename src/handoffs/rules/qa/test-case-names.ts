import type { DiffLine } from '../../../changes/changed-file.js';
import type { CodeLanguage } from '../../review-engine/code-language.js';

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

/** Test cases declared in `lines`, as `{ name, line }`, for the given language. */
export function testCasesIn(
  lines: readonly DiffLine[],
  language: CodeLanguage,
): { name: string; line: number }[] {
  const cases: { name: string; line: number }[] = [];
  const declaration = DECLARATION[language];
  lines.forEach((line, index) => {
    const direct = declaration?.exec(line.text);
    if (direct?.[2]) {
      cases.push({ name: direct[2], line: line.line });
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
