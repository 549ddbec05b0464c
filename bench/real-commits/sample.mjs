// Draws the benchmark's commits by the rule written in SAMPLING.md and prints them.
//   node bench/real-commits/sample.mjs [--round 2] [owner/name]
// Without --round it prints round 1 (the first fifteen repositories); --round 2 prints the held-out round.
// Mirrors are read from BENCH_MIRRORS (default /work/.mirror), as <owner>+<name>/repo or <owner>+<name>.
import { gitDirOutput, mirrorDir } from '../mirror-report.mjs';

const CSHARP = {
  ext: ['.cs'],
  route: /\[(Http(Get|Post|Put|Patch|Delete)|Route)\b|\.Map(Get|Post|Put|Patch|Delete|Methods)\(/,
  prefix: /\[Route\(|MapGroup\(|UsePathBase|MapControllers|GroupName/,
};

/** Backend roots, extensions and patterns per repository, as tabled in SAMPLING.md. */
export const REPOS = [
  {
    repo: 'fastapi/full-stack-fastapi-template',
    roots: ['backend/'],
    ext: ['.py'],
    route: /@\w+\.(get|post|put|patch|delete|head|options|api_route)\(/,
    prefix: /APIRouter\(|include_router\(|prefix\s*=|\.mount\(/,
  },
  {
    repo: 'miguelgrinberg/microblog',
    roots: [''],
    ext: ['.py'],
    route: /@\w+\.(route|get|post|put|patch|delete)\(|add_url_rule\(/,
    prefix: /Blueprint\(|register_blueprint\(|url_prefix/,
  },
  {
    repo: 'fastify/demo',
    roots: ['src/'],
    ext: ['.ts', '.js'],
    route: /\.(get|post|put|patch|delete|head|options|all|route)\s*(<[^>]*>)?\(/,
    prefix: /\.register\(|autoPrefix|prefix\s*:|[aA]uto[lL]oad/,
  },
  {
    repo: 'brocoders/nestjs-boilerplate',
    roots: ['src/'],
    ext: ['.ts'],
    route: /@(Get|Post|Put|Patch|Delete|All|Head|Options)\(/,
    prefix: /@Controller\(|setGlobalPrefix|enableVersioning|RouterModule|version\s*:/,
  },
  {
    repo: 'xuxueli/xxl-job',
    roots: ['xxl-job-admin/src/main/'],
    ext: ['.java'],
    config: /(^|\/)application[^/]*\.(properties|ya?ml)$/,
    route: /@(Request|Get|Post|Put|Patch|Delete)Mapping/,
    prefix: /context-path|^@(Request|Get|Post|Put|Patch|Delete)Mapping|@(Rest)?Controller\b/,
  },
  { repo: 'jasontaylordev/CleanArchitecture', roots: ['src/'], ...CSHARP },
  { repo: 'Kareadita/Kavita', roots: ['API/'], ...CSHARP },
  {
    repo: 'flipped-aurora/gin-vue-admin',
    roots: ['server/'],
    ext: ['.go'],
    route: /\.(GET|POST|PUT|PATCH|DELETE|Any|Handle)\(/,
    prefix: /\.Group\(|RouterPrefix/,
  },
  {
    repo: 'koel/koel',
    roots: ['routes/', 'bootstrap/app.php', 'app/Providers/'],
    ext: ['.php'],
    route:
      /Route::(get|post|put|patch|delete|any|match|resource|apiResource)|->(get|post|put|patch|delete)\(/,
    prefix: /prefix\(|'prefix'\s*=>|->group\(|Route::group/,
  },
  {
    repo: 'hexpm/hexpm',
    roots: ['lib/'],
    ext: ['.ex'],
    route: /^\s*(get|post|put|patch|delete|resources|forward|live)\s/,
    prefix: /^\s*scope\s|for prefix/,
  },
  {
    repo: 'LemmyNet/lemmy',
    roots: ['crates/', 'src/'],
    ext: ['.rs'],
    route: /\.route\(|web::(get|post|put|patch|delete|resource)\(|#\[(get|post|put|patch|delete)\(/,
    prefix: /scope\(|\.configure\(/,
  },
  {
    repo: 'healthchecks/healthchecks',
    roots: ['hc/'],
    ext: ['.py'],
    mustContain: /urlpatterns/,
    route: /\b(path|re_path|url)\(/,
    prefix: /include\(/,
  },
  {
    repo: 'rubygems/rubygems.org',
    roots: ['config/routes.rb', 'config/routes/'],
    ext: ['.rb'],
    route: /^\s*(get|post|put|patch|delete|match|resources?|root)\b/,
    prefix: /^\s*(namespace|scope|mount)\b/,
  },
  {
    repo: 'FlowiseAI/Flowise',
    roots: ['packages/server/src/'],
    ext: ['.ts', '.js'],
    route: /\.(get|post|put|patch|delete|all)\(\s*['"`[]/,
    prefix: /\.use\(\s*['"`]|Router\(/,
  },
  {
    repo: 'outline/outline',
    roots: ['server/'],
    ext: ['.ts', '.js'],
    route: /router\.(get|post|put|patch|delete|all)\(/,
    prefix: /mount\(|router\.use\(|new Router\(|prefix/,
  },
];

const RAILS_ROUTES = {
  roots: ['config/routes.rb', 'config/routes/'],
  ext: ['.rb'],
  route: /^\s*(get|post|put|patch|delete|match|resources?|root)\b/,
  prefix: /^\s*(namespace|scope|mount)\b/,
};
const NEST = {
  roots: ['src/'],
  ext: ['.ts'],
  route: /@(Get|Post|Put|Patch|Delete|All|Head|Options)\(/,
  prefix: /@Controller\(|setGlobalPrefix|enableVersioning|RouterModule|version\s*:/,
};
const SPRING = {
  ext: ['.java', '.kt'],
  config: /(^|\/)application[^/]*\.(properties|ya?ml)$/,
  route: /@(Request|Get|Post|Put|Patch|Delete)Mapping/,
  prefix: /context-path|^@(Request|Get|Post|Put|Patch|Delete)Mapping|@(Rest)?Controller\b/,
};

/** Round 2 (held out): repositories nobody had read while writing the route families; see SAMPLING.md. */
export const ROUND2 = [
  {
    repo: 'symfony/demo',
    roots: ['src/', 'config/routes.yaml', 'config/routes/'],
    ext: ['.php', '.yaml', '.yml'],
    route: /^\s+#\[Route\(|^\s+path:\s/,
    prefix: /^#\[Route\(|^\s+prefix:|^\s+resource:/,
  },
  {
    repo: 'atuinsh/atuin',
    roots: ['crates/'],
    ext: ['.rs'],
    route: /\.route\(|\.route_service\(/,
    prefix: /\.nest\(|\.nest_service\(|\.merge\(|Router::new\(/,
  },
  {
    repo: 'dani-garcia/vaultwarden',
    roots: ['src/'],
    ext: ['.rs'],
    route: /#\[(get|post|put|patch|delete|head|options)\(/,
    prefix: /\.mount\(|basepath|routes!\[/,
  },
  {
    repo: 'micronaut-projects/micronaut-starter',
    roots: ['starter-api/src/main/'],
    ext: ['.java', '.kt', '.groovy'],
    config: /(^|\/)application[^/]*\.(properties|ya?ml)$/,
    route: /@(Get|Post|Put|Patch|Delete|Head|Options)\b/,
    prefix: /@Controller\b|context-path/,
  },
  {
    repo: 'cryostatio/cryostat',
    roots: ['src/main/'],
    ext: ['.java'],
    config: /(^|\/)application[^/]*\.properties$/,
    route: /@(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)\b|^\s+@Path\(/,
    prefix: /^@Path\(|@ApplicationPath|root-path|rest\.path/,
  },
  {
    repo: 'go-vikunja/vikunja',
    roots: ['pkg/'],
    ext: ['.go'],
    route: /\.(GET|POST|PUT|PATCH|DELETE|Any|Add|Match)\(/,
    prefix: /\.Group\(/,
  },
  {
    repo: 'mojaloop/central-ledger',
    roots: ['src/'],
    ext: ['.js'],
    route: /method:\s*['"]|path:\s*['"]|\.route\(/,
    prefix: /\.register\(|prefix\s*:|globSync\(/,
  },
  {
    repo: 'paperless-ngx/paperless-ngx',
    roots: ['src/'],
    ext: ['.py'],
    mustContain: /urlpatterns|@action\(|\.register\(/,
    route: /\b(path|re_path)\(|\.register\(|@action\(/,
    prefix: /include\(|Router\(/,
  },
  {
    repo: 'hagopj13/node-express-boilerplate',
    roots: ['src/'],
    ext: ['.js'],
    route: /\.(get|post|put|patch|delete|all)\(|\.route\(/,
    prefix: /\.use\(|Router\(|path:/,
  },
  {
    repo: 'mealie-recipes/mealie',
    roots: ['mealie/'],
    ext: ['.py'],
    route: /@\w+\.(get|post|put|patch|delete|api_route)\(/,
    prefix: /APIRouter\(|include_router\(|prefix\s*=|\.mount\(/,
  },
  {
    repo: 'macrozheng/mall',
    roots: ['mall-admin/src/main/', 'mall-portal/src/main/', 'mall-search/src/main/'],
    ...SPRING,
  },
  { repo: 'maybe-finance/maybe', ...RAILS_ROUTES },
  {
    repo: 'BookStackApp/BookStack',
    roots: ['routes/', 'bootstrap/app.php', 'app/Providers/'],
    ext: ['.php'],
    route:
      /Route::(get|post|put|patch|delete|any|match|resource|apiResource)|->(get|post|put|patch|delete)\(/,
    prefix: /prefix\(|'prefix'\s*=>|->group\(|Route::group/,
  },
  {
    repo: 'gotify/server',
    roots: [''],
    ext: ['.go'],
    route: /\.(GET|POST|PUT|PATCH|DELETE|Any|Handle)\(/,
    prefix: /\.Group\(/,
  },
  { repo: 'NarHakobyan/awesome-nest-boilerplate', ...NEST },
];

const NOT_SOURCE =
  /(^|\/)(tests?|spec|__tests__|e2e|fixtures|examples|samples|docs)(\/|$)|(_test\.go|_test\.py|\.test\.[^/]+|\.spec\.[^/]+|Test\.java|Tests\.cs)$|(^|\/)test_[^/]*\.py$/;
const MAX_FILES = 30;
const MAX_LINES = 1500;

const git = gitDirOutput;
const showOrEmpty = (dir, rev, file) => {
  try {
    return git(dir, 'show', `${rev}:${file}`);
  } catch {
    return '';
  }
};
const anyLine = (text, re) => text.split('\n').some((line) => re.test(line));

function isCandidatePath(cfg, file) {
  if (NOT_SOURCE.test(file)) return false;
  if (cfg.config?.test(file)) return true;
  return cfg.roots.some((root) => file.startsWith(root)) && cfg.ext.some((ext) => file.endsWith(ext));
}

/** Route-declaring files of one commit, with the diff lines and line count in them. */
function routeFiles(dir, cfg, parent, sha) {
  const changed = git(dir, 'diff', '--no-renames', '--name-only', parent, sha).split('\n').filter(Boolean);
  const files = changed.filter((file) => {
    if (!isCandidatePath(cfg, file)) return false;
    const texts = [showOrEmpty(dir, parent, file), showOrEmpty(dir, sha, file)];
    if (cfg.mustContain && !texts.some((text) => cfg.mustContain.test(text))) return false;
    return texts.some((text) => anyLine(text, cfg.route) || anyLine(text, cfg.prefix));
  });
  if (files.length === 0) return { files };
  const diffLines = git(dir, 'diff', '--no-renames', '-U0', parent, sha, '--', ...files)
    .split('\n')
    .filter((line) => /^[+-]/.test(line) && !/^(\+\+\+|---) /.test(line))
    .map((line) => line.slice(1));
  return { files, diffLines };
}

/** Applies the A/B/C rule to one repository; returns drawn and passed-over commits. */
export function draw(cfg) {
  const dir = mirrorDir(cfg.repo);
  if (!dir) return { missing: true };
  const pathspecs = [...cfg.roots.map((root) => root || '.'), ...(cfg.config ? ['*application*'] : [])];
  const log = git(dir, 'log', '--no-merges', '--full-history', '--format=%H %P', 'HEAD', '--', ...pathspecs);
  const want = { A: 1, B: 2, C: 1 };
  const drawn = [];
  const passed = [];
  for (const line of log.split('\n').filter(Boolean)) {
    const [sha, ...parents] = line.split(' ');
    if (parents.length !== 1) continue;
    const { files, diffLines } = routeFiles(dir, cfg, parents[0], sha);
    if (files.length === 0) continue;
    const letters = [];
    if (want.A > 0) letters.push('A');
    else if (want.B > 0 && diffLines.some((l) => cfg.route.test(l))) letters.push('B');
    else if (want.C > 0 && diffLines.some((l) => cfg.prefix.test(l))) letters.push('C');
    if (letters.length === 0) continue;
    const subject = git(dir, 'log', '-1', '--format=%s', sha).trim();
    const entry = {
      letter: letters[0],
      sha,
      parent: parents[0],
      files: files.length,
      lines: diffLines.length,
      subject,
    };
    if (files.length > MAX_FILES || diffLines.length > MAX_LINES) {
      passed.push(entry);
      continue;
    }
    want[entry.letter] -= 1;
    drawn.push(entry);
    if (want.A + want.B + want.C === 0) break;
  }
  return { drawn, passed };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const round = args.includes('--round') ? args[args.indexOf('--round') + 1] : '1';
  const only = args.find((arg, i) => arg !== '--round' && args[i - 1] !== '--round');
  for (const cfg of (round === '2' ? ROUND2 : REPOS).filter((c) => !only || c.repo === only)) {
    const { missing, drawn, passed } = draw(cfg);
    console.log(`## ${cfg.repo}${missing ? ' (mirror absent)' : ''}`);
    for (const e of drawn ?? []) console.log(`${e.letter} ${e.sha} ${e.files}f ${e.lines}l ${e.subject}`);
    for (const e of passed ?? [])
      console.log(`passed over (${e.letter}, too large) ${e.sha} ${e.files}f ${e.lines}l ${e.subject}`);
  }
}
