// Draws the review-precision commits by the rule written in SAMPLING.md and prints them.
//   node bench/review-precision/sample.mjs [owner/name] [--json]
// Mirrors are read from BENCH_MIRRORS (default /work/.mirror), as <owner>+<name>/repo or <owner>+<name>.
import { gitDirOutput as git, mirrorDir } from '../mirror-report.mjs';

const NOT_VIEWS = /^app\/(views|javascript|assets)\//;

/** Backend roots and extensions per repository, as tabled in SAMPLING.md. */
export const REPOS = [
  { repo: 'healthchecks/healthchecks', roots: ['hc/'], ext: ['.py'] },
  { repo: 'mealie-recipes/mealie', roots: ['mealie/', 'alembic/'], ext: ['.py'] },
  { repo: 'outline/outline', roots: ['server/'], ext: ['.ts', '.js'] },
  { repo: 'flipped-aurora/gin-vue-admin', roots: ['server/'], ext: ['.go'] },
  {
    repo: 'xuxueli/xxl-job',
    roots: ['xxl-job-admin/src/main/', 'xxl-job-core/src/main/'],
    ext: ['.java', '.sql', '.xml', '.properties'],
  },
  { repo: 'Kareadita/Kavita', roots: ['API/', 'Kavita.Common/', 'Kavita.Email/'], ext: ['.cs'] },
  { repo: 'BookStackApp/BookStack', roots: ['app/', 'database/', 'routes/'], ext: ['.php'] },
  {
    repo: 'maybe-finance/maybe',
    roots: ['app/', 'db/', 'config/', 'lib/'],
    ext: ['.rb'],
    exclude: NOT_VIEWS,
  },
  { repo: 'hexpm/hexpm', roots: ['lib/', 'priv/repo/migrations/'], ext: ['.ex', '.exs'] },
  { repo: 'LemmyNet/lemmy', roots: ['crates/', 'src/', 'migrations/'], ext: ['.rs', '.sql'] },
];

const PER_REPO = 5;
const MAX_FILES = 30;
const MAX_LINES = 1000;
const BOT = /\[bot\]|dependabot|renovate|weblate|crowdin/i;
const LOOKS_LIKE =
  /^(fix|feat|feature|refactor|perf)(\([^)]*\))?!?:|^(🐛|🚑|✨|♻|:bug:|:ambulance:|:sparkles:|:recycle:)|\b(fix|fixes|fixed|bug|add|adds|added|implement|implements|implemented|support|supports|refactor|refactors|refactored|improve|improves|improved|allow|allows|handle|handles|handled|prevent|prevents|new|remove|removes|removed)\b/i;
const NOT_THIS =
  /^(chore|build|ci|docs|test|style|release|revert|merge)\b|bump|dependenc|translat|crowdin|l10n|changelog|release|version/i;
const NOT_SOURCE =
  /(^|\/)(tests?|spec|__tests__|e2e|fixtures|docs)(\/|$)|(_test\.go|_test\.py|\.test\.[^/]+|\.spec\.[^/]+|Test\.java|Tests\.cs|_test\.exs)$|(^|\/)test_[^/]*\.py$/;

function isBackendSource(cfg, file) {
  if (NOT_SOURCE.test(file) || cfg.exclude?.test(file)) return false;
  return cfg.roots.some((r) => file.startsWith(r)) && cfg.ext.some((e) => file.endsWith(e));
}

/** Applies the rule to one repository; returns drawn and passed-over commits. */
export function draw(cfg) {
  const dir = mirrorDir(cfg.repo);
  if (!dir) return { missing: true };
  const log = git(dir, 'log', '--no-merges', '--format=%H%x09%P%x09%an%x09%ae%x09%s', 'HEAD');
  const drawn = [];
  const passed = [];
  for (const line of log.split('\n').filter(Boolean)) {
    const [sha, parentList, name, email, subject] = line.split('\t');
    const parents = parentList.split(' ').filter(Boolean);
    if (parents.length !== 1 || BOT.test(`${name} ${email}`)) continue;
    if (!LOOKS_LIKE.test(subject) || NOT_THIS.test(subject)) continue;
    const numstat = git(dir, 'diff', '--no-renames', '--numstat', parents[0], sha)
      .split('\n')
      .filter(Boolean)
      .map((row) => row.split('\t'));
    if (!numstat.some(([, , file]) => isBackendSource(cfg, file))) continue;
    const lines = numstat.reduce((sum, [a, d]) => sum + (Number(a) || 0) + (Number(d) || 0), 0);
    const entry = { repo: cfg.repo, commit: sha, parent: parents[0], files: numstat.length, lines, subject };
    if (numstat.length > MAX_FILES || lines > MAX_LINES) passed.push(entry);
    else drawn.push(entry);
    if (drawn.length === PER_REPO) break;
  }
  return { drawn, passed };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const only = process.argv.slice(2).find((a) => !a.startsWith('--'));
  const all = [];
  for (const cfg of REPOS.filter((c) => !only || c.repo === only)) {
    const { missing, drawn, passed } = draw(cfg);
    if (process.argv.includes('--json')) {
      all.push(...(drawn ?? []));
      continue;
    }
    console.log(`## ${cfg.repo}${missing ? ' (mirror absent)' : ''}`);
    for (const e of drawn ?? []) console.log(`${e.commit} ${e.files}f ${e.lines}l ${e.subject}`);
    for (const e of passed ?? [])
      console.log(`passed over (too large) ${e.repo} ${e.commit} ${e.files}f ${e.lines}l ${e.subject}`);
  }
  if (process.argv.includes('--json')) console.log(JSON.stringify(all, null, 2));
}
