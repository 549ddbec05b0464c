import type { CodeLanguage } from '../../review-engine/code-language.js';
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
    if (!language) return [];
    const hits: RuleHit[] = [];
    for (const line of file.added) {
      const comment = COMMENT_START[language].exec(line.text);
      if (!comment) continue;
      const text = line.text.slice(comment.index);
      const marker = MARKER.exec(text);
      // A marker that already points at an issue is tracked work.
      if (marker && !/\b(?:TODO|FIXME|XXX|HACK)\s*\(\s*#?\d+|#\d{1,6}\b|https?:\/\//.test(text)) {
        hits.push({ line: line.line, title: `${marker[1]} left in the code` });
      }
    }
    return hits;
  },
};
