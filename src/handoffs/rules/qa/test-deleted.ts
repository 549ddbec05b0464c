import { oncePerReview } from '../../review-engine/once-per-review.js';
import type { CodeLanguage } from '../../../code/language.js';
import { isTestFileName } from '../../../code/classify-path.js';
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

/** The test files that add each test case name, worked out once per review (asked file by file, it grows with files²). */
const addersOf = oncePerReview((files: readonly ReviewedFile[]): Map<string, ReviewedFile[]> => {
  const adders = new Map<string, ReviewedFile[]>();
  for (const file of files) {
    if (!file.isTest || !file.language) continue;
    for (const { name } of testCasesIn(file.added, file.language)) {
      const known = adders.get(name);
      if (known) known.push(file);
      else adders.set(name, [file]);
    }
  }
  return adders;
});

/** True when a test file of the pull request other than `file` adds a test case named `name`: the test moved there. */
function movedElsewhere(name: string, file: ReviewedFile, files: readonly ReviewedFile[]): boolean {
  return (addersOf(files).get(name) ?? []).some((other) => other !== file);
}

/**
 * A deleted test file is fine when its subject was deleted too, when the test moved to a new file, or when
 * every test case it had reappears, under the same name, in another test file of the pull request.
 */
function deletionIsAccountedFor(file: ReviewedFile, files: readonly ReviewedFile[]): boolean {
  const subject = subjectOf(file.path);
  const renamedOrObsolete = files.some(
    (other) =>
      other !== file &&
      subjectOf(other.path) === subject &&
      ((other.change.status === 'removed' && !other.isTest) ||
        (other.change.status === 'added' && other.isTest)),
  );
  if (renamedOrObsolete || !file.language) return renamedOrObsolete;
  const cases = testCasesIn(file.removed, file.language);
  return cases.length > 0 && cases.every((testCase) => movedElsewhere(testCase.name, file, files));
}

/** Calls that check something, across the usual test frameworks. */
const ASSERTION =
  /\bexpect\s*\(|\bassert\w*!?\s*[(.\s]|\.should\b|\bShould\(|\bt\.(?:Error|Errorf|Fatal|Fatalf|Fail|FailNow)\b|\brequire\.\w+\(|\bAssert\.|\brefute\b|\$this->assert|\bverify\s*\(|\bmust_\w+|\bpytest\.raises\b|\.to(?:Be|Equal|Throw|Match)\w*\s*\(/;

/**
 * A deleted file that protected nothing: a helper or data module in a test folder, neither named like a test
 * nor declaring one (`test/changes/performance-data.ts`), or a "test" with no assertion (a scratch script run
 * through the test runner to print something).
 */
function checkedNothing(file: ReviewedFile): boolean {
  if (!file.removed.some((line) => ASSERTION.test(line.text))) return true;
  const declaresTests = file.language !== null && testCasesIn(file.removed, file.language).length > 0;
  return !isTestFileName(file.path) && !declaresTests;
}

function removedFileHits(file: ReviewedFile, files: readonly ReviewedFile[]): RuleHit[] {
  if (checkedNothing(file) || deletionIsAccountedFor(file, files)) return [];
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

/** Words of a test name, lower-cased and roughly stemmed, so `keeps … says` and `keeping … saying` compare equal. */
function nameWords(name: string): Set<string> {
  const words = name.toLowerCase().match(/[a-z0-9]+/g) ?? [];
  return new Set(words.map((word) => word.replace(/(?:ing|es|ed|s)$/, '')).filter((word) => word.length > 1));
}

/** Share of the removed name's words that the added name keeps. */
function keptShare(removed: Set<string>, added: Set<string>): number {
  if (removed.size === 0) return 0;
  return [...removed].filter((word) => added.has(word)).length / removed.size;
}

/** A rename keeps most of the old name: `lists tables …` → `lists tables …, from the diff alone`. */
const RENAMED_SHARE = 0.75;

/** Removed test cases that no added case of the file replaces, by the same or a very similar name. */
function unreplacedCases(file: ReviewedFile, language: CodeLanguage): { name: string; line: number }[] {
  const added = testCasesIn(file.added, language);
  const removed = testCasesIn(file.removed, language);
  const sameName = new Set(added.map((testCase) => testCase.name));
  const renamedTo = added
    .filter((testCase) => !removed.some((old) => old.name === testCase.name))
    .map((testCase) => nameWords(testCase.name));
  return removed.filter((testCase) => {
    if (sameName.has(testCase.name)) return false;
    const words = nameWords(testCase.name);
    const match = renamedTo.findIndex((candidate) => keptShare(words, candidate) >= RENAMED_SHARE);
    if (match < 0) return true;
    // Each added name stands for one removed test at most.
    renamedTo.splice(match, 1);
    return false;
  });
}

function removedCaseHits(file: ReviewedFile, files: readonly ReviewedFile[]): RuleHit[] {
  if (!file.language) return [];
  // As many tests added as removed: the file was rewritten, not thinned out.
  const added = testCasesIn(file.added, file.language).length;
  if (added >= testCasesIn(file.removed, file.language).length) return [];
  return unreplacedCases(file, file.language)
    .filter((testCase) => !movedElsewhere(testCase.name, file, files))
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
    'A test case is removed and not re-added under the same or a similar name: the behaviour it checked is no longer checked.',
  fix: {
    default:
      'Keep the test (update it to the new behaviour), or say in the pull request why the behaviour it checked no longer exists.',
  },
  check(file, { files }) {
    if (!file.isTest) return [];
    if (file.change.status === 'removed') return removedFileHits(file, files);
    return removedCaseHits(file, files);
  },
};
