// Draws the classification cases by the rule in SAMPLING.md and prints them as JSON.
//   node bench/classification/sample.mjs [--holdout | --third] > drawn.json
import { git, mirrorDir, readCase } from './read-case.mjs';

const TUNING_REPOS = [
  'fastapi/full-stack-fastapi-template',
  'fastapi/fastapi',
  'carloscuesta/gitmoji',
  'outline/outline',
  't3-oss/create-t3-turbo',
  'rubygems/rubygems.org',
  'louislam/uptime-kuma',
  'koel/koel',
  'hexpm/hexpm',
];
const HOLDOUT_REPOS = [
  'fastapi/sqlmodel',
  'jasontaylordev/CleanArchitecture',
  'documenso/documenso',
  'dotnet/eShop',
  'GoogleCloudPlatform/microservices-demo',
  'LemmyNet/lemmy',
  'FlowiseAI/Flowise',
  'modelcontextprotocol/python-sdk',
  'lldap/lldap',
  'spring-petclinic/spring-petclinic-rest',
];
const THIRD_REPOS = [
  'fastapi/typer',
  'Kareadita/Kavita',
  'flipped-aurora/gin-vue-admin',
  'brocoders/nestjs-boilerplate',
  'fastify/demo',
  'nrwl/nx-examples',
  'dubinc/dub',
  'hagopj13/node-express-boilerplate',
  'spring-petclinic/spring-petclinic-microservices',
];
const REPOS = process.argv.includes('--third')
  ? THIRD_REPOS
  : process.argv.includes('--holdout')
    ? HOLDOUT_REPOS
    : TUNING_REPOS;
const NEWEST = 6;
const PER_AUTHOR = 2;
const SECURITY = /secur|vulnerab|CVE-|GHSA-|XSS|CSRF|SSRF|inject|traversal|🔒|:lock:/i;

function draw(repo) {
  const dir = mirrorDir(repo);
  if (!dir) {
    console.error(`skipped ${repo}: no mirror under ${process.env.BENCH_MIRRORS ?? '/work/.mirror'}`);
    return [];
  }
  const shas = git(dir, ['rev-list', '--first-parent', 'HEAD']).split('\n').filter(Boolean);
  const drawn = [];
  const byAuthor = new Map();
  let security;
  for (const sha of shas) {
    let found;
    try {
      found = readCase(dir, sha, { withPaths: false });
    } catch {
      break; // a shallow mirror: its history ends here
    }
    if (!found) continue;
    const count = byAuthor.get(found.author) ?? 0;
    if (drawn.length < NEWEST && count < PER_AUTHOR) {
      byAuthor.set(found.author, count + 1);
      drawn.push({ repo, sha, stratum: 'A', title: found.title, author: found.author });
      continue;
    }
    if (!security && SECURITY.test(found.title)) {
      security = { repo, sha, stratum: 'B', title: found.title, author: found.author };
    }
    if (drawn.length >= NEWEST && security) break;
  }
  return security ? [...drawn, security] : drawn;
}

console.log(JSON.stringify(REPOS.flatMap(draw), null, 2));
