// Moves the major tag (`v1`) to a release tag (`v1.4.2`) and pushes it, so workflows that use
// `owner/backend-developer-action@v1` get the release. Run by .github/workflows/release.yml;
// see "Releasing" in the README.
//
//   node scripts/move-major-tag.mjs v1.4.2 [--remote origin] [--dry-run]
import { execFileSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const RELEASE_TAG = /^v(\d+)\.(\d+)\.(\d+)(-[0-9A-Za-z.-]+)?$/;

function git(args, cwd) {
  return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
}

/** What moving the major tag for `tag` would do, or why it must not. Throws with the fix. */
export function planMajorTag(tag, cwd = process.cwd()) {
  const parts = RELEASE_TAG.exec(tag);
  if (!parts) throw new Error(`\`${tag}\` is not a release tag: use vMAJOR.MINOR.PATCH, e.g. v1.4.2.`);
  const [, major, minor, patch, prerelease] = parts;
  let commit;
  try {
    commit = git(['rev-parse', '--verify', '--quiet', `refs/tags/${tag}^{commit}`], cwd);
  } catch {
    throw new Error(`There is no tag ${tag}: create it with \`npm version\` (or \`git tag\`) first.`);
  }
  const manifest = JSON.parse(git(['show', `${commit}:package.json`], cwd));
  const version = `${major}.${minor}.${patch}${prerelease ?? ''}`;
  if (manifest.version !== version)
    throw new Error(
      `package.json at ${tag} says version ${manifest.version}, not ${version}: run \`npm version ${version}\` and tag that commit.`,
    );
  if (prerelease)
    return { move: false, reason: `${tag} is a pre-release; v${major} stays where it is.`, commit };
  return { move: true, majorTag: `v${major}`, commit };
}

function main(argv) {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      remote: { type: 'string', default: 'origin' },
      'dry-run': { type: 'boolean', default: false },
    },
  });
  const [tag] = positionals;
  if (!tag || positionals.length > 1)
    throw new Error(
      'Usage: node scripts/move-major-tag.mjs vMAJOR.MINOR.PATCH [--remote origin] [--dry-run]',
    );
  const plan = planMajorTag(tag);
  if (!plan.move) {
    console.log(plan.reason);
    return;
  }
  console.log(`${plan.majorTag} → ${tag} (${plan.commit.slice(0, 12)})`);
  if (values['dry-run']) return;
  // A lightweight tag: it needs no tagger identity, and `uses: …@v1` resolves it the same way.
  git(['tag', '--force', plan.majorTag, plan.commit]);
  git(['push', '--force', values.remote, `refs/tags/${plan.majorTag}`]);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  try {
    main(process.argv.slice(2));
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  }
}
