import type { ReviewRule, RuleHit } from '../../review-engine/review-rule.js';
import type { ReviewedFile } from '../../review-engine/reviewed-file.js';
import { testCasesIn } from './test-case-names.js';

/** `src/users/users.test.ts` → `users`; `tests/test_users.py` → `users`; `UserServiceTest.java` → `userservice`. */
export function subjectOf(path: string): string {
  const name = path.slice(path.lastIndexOf('/') + 1).toLowerCase();
  return name
    .replace(/\.[^.]+$/, '')
    .replace(/(?:\.|_|-)?(?:test|tests|spec|specs|e2e|e2e-spec|it)$/, '')
    .replace(/^test_/, '')
    .replace(/[^a-z0-9]/g, '');
}

/** A deleted test file is fine when its subject was deleted too, or when the test moved to a new file. */
function deletionIsAccountedFor(file: ReviewedFile, files: readonly ReviewedFile[]): boolean {
  const subject = subjectOf(file.path);
  return files.some(
    (other) =>
      other !== file &&
      subjectOf(other.path) === subject &&
      ((other.change.status === 'removed' && !other.isTest) ||
        (other.change.status === 'added' && other.isTest)),
  );
}

function removedFileHits(file: ReviewedFile, files: readonly ReviewedFile[]): RuleHit[] {
  if (deletionIsAccountedFor(file, files)) return [];
  const cases = file.language ? testCasesIn(file.removed, file.language).length : 0;
  return [
    {
      line: 1,
      side: 'LEFT',
      title: 'Test file deleted',
      explanation: `\`${file.path}\` is deleted${cases > 0 ? ` with ${cases} test case${cases === 1 ? '' : 's'}` : ''}, and nothing in the pull request replaces it or removes the code it tested.`,
      lineText: file.path,
    },
  ];
}

function removedCaseHits(file: ReviewedFile): RuleHit[] {
  if (!file.language) return [];
  const kept = new Set(testCasesIn(file.added, file.language).map((testCase) => testCase.name));
  return testCasesIn(file.removed, file.language)
    .filter((testCase) => !kept.has(testCase.name))
    .map((testCase) => ({
      line: testCase.line,
      side: 'LEFT' as const,
      title: `Test case deleted: ${testCase.name}`,
      lineText: testCase.name,
    }));
}

export const testDeleted: ReviewRule = {
  id: 'qa/test-deleted',
  severity: 'medium',
  title: 'Test deleted',
  explanation:
    'A test case is removed and not re-added under the same name: the behaviour it checked is no longer checked.',
  fix: {
    default:
      'Keep the test (update it to the new behaviour), or say in the pull request why the behaviour it checked no longer exists.',
  },
  check(file, { files }) {
    if (!file.isTest) return [];
    if (file.change.status === 'removed') return removedFileHits(file, files);
    return removedCaseHits(file);
  },
};
