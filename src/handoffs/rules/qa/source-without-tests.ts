import { oncePerReview } from '../../review-engine/once-per-review.js';
import { addedLineRegions } from '../../review-engine/code-regions.js';
import type { ReviewRule } from '../../review-engine/review-rule.js';
import type { ReviewedFile } from '../../review-engine/reviewed-file.js';
import type { DiffLine } from '../../../code/diff/changed-file.js';

/** Code nobody unit-tests directly: migrations, scripts, configuration, docs and examples, entry points. */
const NOT_UNIT_TESTED = [
  /(^|\/)(migrations?|migrate|alembic|seeds?|scripts?|bin|dev|hack|tools|docs?|examples?|samples?|benchmarks?|bench|config|\.github)\//i,
  // Schema dumps a framework writes from the migrations.
  /(^|\/)db\/schema\.rb$/,
  /(^|\/)(__init__|settings|conftest|manage|wsgi|asgi|setup)\.py$/,
  /\.config\.[cm]?[jt]s$/,
  /(^|\/)(vite|webpack|rollup|jest|vitest|eslint|babel|tailwind|postcss|next|nuxt)\.config\./,
  /(^|\/)(Program|Startup|AssemblyInfo)\.cs$/,
  /(^|\/)(?:build|settings)\.gradle\.kts$|(^|\/)(?:noxfile|fabfile|tasks|gulpfile|Gruntfile)\.[a-z]+$/,
  /(^|\/)mix\.exs$|(^|\/)config\/.*\.exs$/,
  /(^|\/)(index|main)\.[cm]?[jt]s$/,
];

/**
 * The first added line that carries behaviour: new code (not blank, a comment, an import, or
 * code the pull request only re-laid out or moved), and not a file header.
 */
function firstBehaviourLine(file: ReviewedFile): DiffLine | undefined {
  return file.added.find(
    (line) =>
      file.kindOf(line) === 'code' &&
      // Closing brackets and `end` close code written elsewhere: alone, they are not behaviour.
      /\w/.test(line.text) &&
      !/^\s*(?:end|else|fi|done)\s*[;)]*\s*$/.test(line.text) &&
      !/^\s*(?:<\?php|declare\s*\(\s*strict_types|#!|namespace\s+[\w\\.]+\s*;|['"]use strict['"]|export\s+\*|export\s+\{[^}]*\}\s+from)/.test(
        line.text,
      ),
  );
}

/** Declarations that only describe shapes: `interface`, `type`, imports and re-exports of types. */
const TYPE_DECLARATION =
  /^(?:export\s+)?(?:declare\s+)?(?:interface|type)\s+\w|^import\b|^export\s+(?:type\s+)?\{[^}]*\}|^export\s+type\b/;

/**
 * True for a TypeScript module that only declares types: it has no behaviour to test. Judged on the whole
 * file when known, otherwise on the added lines, from the statements at the top level (outside braces).
 */
function isTypesOnly(file: ReviewedFile): boolean {
  if (file.language !== 'typescript') return false;
  const regions = addedLineRegions(file);
  if (!regions) return false;
  let depth = 0;
  let inTypeAlias = false;
  for (const { code } of regions.values()) {
    const trimmed = code.trim();
    if (depth === 0 && trimmed !== '') {
      if (TYPE_DECLARATION.test(trimmed)) inTypeAlias = /^(?:export\s+)?(?:declare\s+)?type\s/.test(trimmed);
      else if (!inTypeAlias && !/^[})\]]/.test(trimmed)) return false;
      // A type alias runs over lines (`| 'a'`) until its semicolon.
      if (inTypeAlias && /;\s*$/.test(trimmed)) inTypeAlias = false;
    }
    depth += (code.match(/[{([]/g)?.length ?? 0) - (code.match(/[})\]]/g)?.length ?? 0);
  }
  return true;
}

/** What can be told from a file's path and status: a source file that unit tests would cover. */
function isTestablePath(file: ReviewedFile): boolean {
  return (
    file.language !== null &&
    !file.isTest &&
    !file.isFixture &&
    file.change.status !== 'removed' &&
    !NOT_UNIT_TESTED.some((pattern) => pattern.test(file.path))
  );
}

/** The project (longest known root) a path belongs to; the whole repository when roots are unknown. */
function projectOf(path: string, roots: readonly string[]): string {
  let best: string | undefined;
  for (const root of roots) {
    if (root !== '.' && path !== root && !path.startsWith(`${root}/`)) continue;
    if (best === undefined || root.length > best.length) best = root;
  }
  return best ?? '.';
}

/** Past this many, the other untested files are not counted: the number would only say "many", at the cost of reading them all. */
const MAX_COUNTED_OTHERS = 20;

/** What the rule concludes for one project: the file its finding anchors on, and how many others it names. */
interface ProjectVerdict {
  anchor: ReviewedFile;
  others: number;
  /** True when there are more than `others`. */
  more: boolean;
}

/** True for a file whose added lines carry behaviour, and not only types. */
function changesBehaviour(file: ReviewedFile): boolean {
  return firstBehaviourLine(file) !== undefined && !isTypesOnly(file);
}

/**
 * The verdict per project, computed once per review (the rule is asked file by file, and each
 * answer depends on every file of the project: recomputing it per file grows with files²).
 */
const verdictsFor = oncePerReview(readVerdicts);

function readVerdicts(
  files: readonly ReviewedFile[],
  roots: readonly string[],
  quiet: ReadonlySet<string>,
): Map<string, ProjectVerdict> {
  const byProject = new Map<string, ReviewedFile[]>();
  for (const file of files) {
    const project = projectOf(file.path, roots);
    const members = byProject.get(project);
    if (members) members.push(file);
    else byProject.set(project, [file]);
  }
  const found = new Map<string, ProjectVerdict>();
  for (const [project, members] of byProject) {
    if (quiet.has(project) || members.some((file) => file.isTest)) continue;
    // One finding per project, on its most changed source file, rather than a comment on every file.
    const candidates = members.filter(isTestablePath).sort((a, b) => b.change.additions - a.change.additions);
    let verdict: ProjectVerdict | undefined;
    // Files are read (their syntax trees, for the kind of each added line) most changed first, and only as far as needed.
    for (const file of candidates) {
      if (!changesBehaviour(file)) continue;
      if (!verdict) verdict = { anchor: file, others: 0, more: false };
      else if (verdict.others < MAX_COUNTED_OTHERS) verdict.others++;
      else {
        verdict.more = true;
        break;
      }
    }
    if (verdict) found.set(project, verdict);
  }
  return found;
}

export const sourceWithoutTests: ReviewRule = {
  id: 'qa/source-without-tests',
  severity: 'medium',
  title: 'Source changed without a test change',
  explanation:
    'Code changes, but no test in the same project changes: nothing shows the new behaviour works or keeps working.',
  fix: {
    default:
      'Add or update a test that exercises the changed behaviour, next to the existing tests of this module.',
    javascript: 'Add a `*.test.ts` (or the project’s test runner’s pattern) covering the changed function.',
    python: 'Add a `test_*.py` case (pytest) covering the changed function.',
    go: 'Add a `TestXxx` in the package’s `*_test.go`, table-driven if there are several cases.',
    java: 'Add a JUnit test in `src/test/java` for the changed class.',
    ruby: 'Add an RSpec example (or Minitest case) for the changed behaviour.',
    php: 'Add a PHPUnit (or Pest) test for the changed behaviour.',
    csharp: 'Add an xUnit/NUnit test in the test project for the changed class.',
    rust: 'Add a `#[test]` in the module’s `tests` module or under `tests/`.',
    elixir: 'Add an ExUnit test in `test/` for the changed module.',
  },
  check(file, { files, context }) {
    // A refactor, chore or dependency update says it keeps behaviour: the tests it already has are the ones that matter.
    if (context.changeKind === 'change') return [];
    const roots = context.projectRoots ?? [];
    const project = projectOf(file.path, roots);
    const verdict = verdictsFor(files, roots, new Set(context.projectsWithoutTests ?? [])).get(project);
    if (verdict?.anchor !== file) return [];
    const { others, more } = verdict;
    const where = project === '.' ? 'the pull request' : `project \`${project}\``;
    const counted = more
      ? ` and more than ${others} other source files`
      : others > 0
        ? ` and ${others} other source file${others === 1 ? '' : 's'}`
        : '';
    return [
      {
        line: firstBehaviourLine(file)?.line ?? file.added[0]?.line ?? 1,
        explanation: `\`${file.path}\`${counted} changed, but no test in ${where} did.`,
      },
    ];
  },
};
