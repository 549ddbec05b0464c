import { quoteSignal, titleWords, type KindSignal } from './change-kind.js';

// Bots that open dependency-update PRs (their GitHub logins, `[bot]` optional since commit authors drop it).
const DEPENDENCY_BOTS =
  /^(dependabot(-preview)?|renovate(-bot)?|snyk-bot|pyup-bot|greenkeeper|depfu|scala-steward|pre-commit-ci|mend-bolt-for-github|whitesource-bolt-for-github|dependabot-support)(\[bot\])?$/i;

const PACKAGE_WORDS =
  '(?:dependencies|dependency|deps|dev-?deps|packages|package versions|gems|modules|crates|libraries|libs|requirements|lock ?files?|npm packages|node modules|toolchain)';

/**
 * Titles of dependency updates, as bots and people write them:
 * Dependabot `Bump lodash from 4.17.20 to 4.17.21`, `Bump the npm group across 1 directory with 2 updates`,
 * `Update pytest requirement from <8 to <9`; Renovate `Update dependency eslint to v9`,
 * `Update actions/checkout action to v4`, `Update module github.com/x/y to v1.2.3`, `Lock file maintenance`,
 * `Pin dependencies`; people `Update dependencies`, `Upgrade to Rails 7.1`, `bump react`.
 */
const BUMP_TITLES: readonly RegExp[] = [
  /^(bump|bumps|bumped|bumping)\b/i,
  new RegExp(
    `^(update|upgrade|downgrade|refresh|pin|unpin|sync)\\s+(?:(?:all|the|our|some|several|minor|patch|major|outdated|npm|pip|go|python|ruby|js|javascript|frontend|backend|dev|development|server|client|transitive|various|\\w+'s)\\s+)*${PACKAGE_WORDS}\\b`,
    'i',
  ),
  /^update (dependency|module|plugin|package|crate|gem|image|docker tag|helm release)\b/i,
  /^update [\w@./-]+ (monorepo|action|actions|orb|docker tag|digest|packages)\b/i,
  // A version, not any number: `to v5`, `to 2.3`, `to 1.2.3-rc.1` (`to 100 items` is no version).
  /^(update|upgrade|bump|pin)\s+[\w@./ -]{1,60}?\s+(from\s+\S+\s+)?to\s+(v\d+(\.\d+)*|\d+\.\d+[\w.+-]*|(the\s+)?latest\b)/i,
  /^update\s+[\w@./-]+\s+requirement\s+from\s+\S+\s+to\s+\S+/i,
  // `Update to Aspire 13`, `Upgrade to Rails 7.1`, `Upgrading the app to .NET 10`: a named thing, then its version.
  /^(update|updating|upgrade|upgrading|migrate|migrating)\s+(?:[\w@./-]+\s+){0,3}to\s+\.?[A-Za-z][\w@./-]*(?:\s+[A-Za-z][\w@./-]*){0,2}\s+v?\d+(\.\d+)*\b/i,
  /^lock ?file maintenance\b/i,
  /^\[snyk\]/i,
  new RegExp(`^${PACKAGE_WORDS}:?\\s+(update|upgrade|bump)`, 'i'),
];

// Bots that open translation updates (Weblate, Crowdin, Transifex, Lokalise): text, not a feature.
const TRANSLATION_BOTS =
  /^(weblate|crowdin|crowdin-bot|transifex|transifex-integration|lokalise|pontoon|tolgee)(\s*\(bot\)|\[bot\])?$/i;

/** A PR opened by a dependency bot (a dependency update, even when titled `fix(deps): …`) or a translation bot. */
export function readDependencyBot(author: string | undefined): KindSignal | undefined {
  const login = author?.trim();
  if (login === undefined) return undefined;
  if (DEPENDENCY_BOTS.test(login))
    return { kind: 'change', signal: `dependency-update author ${quoteSignal(login)}` };
  if (TRANSLATION_BOTS.test(login))
    return { kind: 'change', signal: `translation-update author ${quoteSignal(login)}` };
  return undefined;
}

/**
 * A title that says the PR updates dependencies: a change, not a feature, even when it closes a
 * vulnerability. A conventional-commit prefix is skipped (`chore(deps): bump …`).
 */
export function readDependencyTitle(title: string): KindSignal | undefined {
  const words = titleWords(title);
  if (!BUMP_TITLES.some((pattern) => pattern.test(words))) return undefined;
  return { kind: 'change', signal: `dependency-update title ${quoteSignal(title)}` };
}
