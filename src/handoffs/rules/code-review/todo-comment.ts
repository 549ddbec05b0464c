import type { CodeLanguage } from '../../../code/language.js';
import { addedLineRegions, type LineRegions } from '../../review-engine/code-regions.js';
import type { ReviewRule, RuleHit } from '../../review-engine/review-rule.js';

/** Where a comment starts, per language (block comment continuation lines start with `*`). */
const COMMENT_START: Readonly<Record<CodeLanguage, RegExp>> = {
  javascript: /\/\/|\/\*|^\s*\*/,
  typescript: /\/\/|\/\*|^\s*\*/,
  python: /#/,
  go: /\/\/|\/\*|^\s*\*/,
  java: /\/\/|\/\*|^\s*\*/,
  kotlin: /\/\/|\/\*|^\s*\*/,
  ruby: /#/,
  php: /\/\/|#|\/\*|^\s*\*/,
  csharp: /\/\/|\/\*|^\s*\*/,
  rust: /\/\/|\/\*|^\s*\*/,
  elixir: /#/,
};

const MARKER = /\b(TODO|FIXME|XXX|HACK)\b/;

/**
 * Where the line's comment starts: the first character the masker found inside a comment, or the comment
 * syntax when it is written in code (the middle of a block comment that opened above the diff). Null when
 * the line has no comment; a `//` or `#` inside a string is not one.
 */
function commentStart(regions: LineRegions, language: CodeLanguage): number | null {
  for (let index = 0; index < regions.text.length; index += 1) {
    if (regions.kindAt(index) === 'comment') return index;
  }
  const syntax = COMMENT_START[language].exec(regions.text);
  return syntax && regions.kindAt(syntax.index + (syntax[0].length - syntax[0].trimStart().length)) === 'code'
    ? syntax.index
    : null;
}

export const todoComment: ReviewRule = {
  id: 'code-review/todo-comment',
  severity: 'low',
  title: 'TODO left in the code',
  explanation:
    'A TODO/FIXME/HACK in merged code is unfinished work that nobody tracks; it tends to stay for years.',
  fix: {
    default:
      'Finish it in this pull request, or open an issue and reference it in the comment (`// TODO(#123): …`).',
  },
  check(file) {
    const language = file.language;
    if (!language || !file.added.some((line) => MARKER.test(line.text))) return [];
    const regions = addedLineRegions(file);
    if (!regions) return [];
    const hits: RuleHit[] = [];
    for (const line of file.added) {
      const lineRegions = regions.get(line.line);
      const start = lineRegions && commentStart(lineRegions, language);
      if (!lineRegions || start === null || start === undefined) continue;
      const text = line.text.slice(start);
      const marker = MARKER.exec(text);
      // A marker that already points at an issue is tracked work; one inside a string is data.
      if (!marker || lineRegions.kindAt(start + marker.index) === 'string') continue;
      if (!/\b(?:TODO|FIXME|XXX|HACK)\s*\(\s*#?\d+|#\d{1,6}\b|https?:\/\//.test(text)) {
        hits.push({ line: line.line, title: `${marker[1]} left in the code` });
      }
    }
    return hits;
  },
};
