import { addedLineRegions } from '../../review-engine/code-regions.js';
import type { ReviewRule } from '../../review-engine/review-rule.js';
import type { ReviewedFile } from '../../review-engine/reviewed-file.js';
import { isCommentLine } from '../../review-engine/line-kinds.js';

/** Code nobody unit-tests directly: migrations, scripts, configuration, docs and examples, entry points. */
const NOT_UNIT_TESTED = [
  /(^|\/)(migrations?|migrate|alembic|seeds?|scripts?|bin|docs?|examples?|samples?|benchmarks?|bench|config|\.github)\//i,
  /(^|\/)(__init__|settings|conftest|manage|wsgi|asgi|setup)\.py$/,
  /\.config\.[cm]?[jt]s$/,
  /(^|\/)(vite|webpack|rollup|jest|vitest|eslint|babel|tailwind|postcss|next|nuxt)\.config\./,
  /(^|\/)(Program|Startup|AssemblyInfo)\.cs$/,
  /(^|\/)(?:build|settings)\.gradle\.kts$|(^|\/)(?:noxfile|fabfile|tasks|gulpfile|Gruntfile)\.[a-z]+$/,
  /(^|\/)mix\.exs$|(^|\/)config\/.*\.exs$/,
  /(^|\/)(index|main)\.[cm]?[jt]s$/,
];

/** Lines that carry behaviour: not blank, not comments, not imports. */
function hasBehaviour(file: ReviewedFile): boolean {
  return file.added.some(
    (line) =>
      line.text.trim() !== '' &&
      !isCommentLine(file, line) &&
      !/^\s*(?:import|from|require|using|use|package|export\s+\*|export\s+\{[^}]*\}\s+from)\b/.test(
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

function isTestableSource(file: ReviewedFile): boolean {
  return (
    file.language !== null &&
    !file.isTest &&
    !file.isFixture &&
    file.change.status !== 'removed' &&
    !NOT_UNIT_TESTED.some((pattern) => pattern.test(file.path)) &&
    hasBehaviour(file)
  );
}

/** The project (longest known root) a path belongs to; the whole repository when roots are unknown. */
function projectOf(path: string, roots: readonly string[]): string {
  const matching = roots.filter((root) => root === '.' || path === root || path.startsWith(`${root}/`));
  return matching.sort((a, b) => b.length - a.length)[0] ?? '.';
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
    if (!isTestableSource(file) || isTypesOnly(file)) return [];
    const roots = context.projectRoots ?? [];
    const project = projectOf(file.path, roots);
    const sameProject = files.filter((other) => projectOf(other.path, roots) === project);
    if (sameProject.some((other) => other.isTest)) return [];
    // One finding per project, on its most changed source file, rather than a comment on every file.
    const untested = sameProject
      .filter((other) => isTestableSource(other) && !isTypesOnly(other))
      .sort((a, b) => b.change.additions - a.change.additions);
    if (untested[0] !== file) return [];
    const firstCode = file.added.find((line) => line.text.trim() !== '' && !isCommentLine(file, line));
    const others = untested.length - 1;
    const where = project === '.' ? 'the pull request' : `project \`${project}\``;
    return [
      {
        line: firstCode?.line ?? file.added[0]?.line ?? 1,
        explanation: `\`${file.path}\`${others > 0 ? ` and ${others} other source file${others === 1 ? '' : 's'}` : ''} changed, but no test in ${where} did.`,
      },
    ];
  },
};
