import type { ReviewRule } from '../../review-engine/review-rule.js';

/** Added lines in one file above which a review cannot reasonably read it. */
export const LARGE_FILE_LINES = 1000;

export const largeFile: ReviewRule = {
  id: 'code-review/large-file',
  severity: 'low',
  title: 'Very large file',
  explanation: `More than ${LARGE_FILE_LINES} lines added to one source file: hard to review in one sitting, and usually several modules in one.`,
  fix: {
    default:
      'Split the file by responsibility into modules of a few hundred lines, or, if it is generated, mark it as generated (a `// Code generated … DO NOT EDIT.` banner or `linguist-generated` in `.gitattributes`).',
  },
  check(file) {
    if (!file.language || file.isTest || file.isFixture) return [];
    if (file.change.additions <= LARGE_FILE_LINES) return [];
    // Code only re-laid out or moved here was there to read before: it is not what makes this change large.
    const written = file.added.filter((line) => !['formatting', 'moved'].includes(file.kindOf(line)));
    if (written.length <= LARGE_FILE_LINES) return [];
    return [
      {
        line: written[0]?.line ?? 1,
        title: `Very large file (${written.length} lines added)`,
      },
    ];
  },
};
