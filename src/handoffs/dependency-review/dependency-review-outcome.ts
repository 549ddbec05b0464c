import type { DependencyReview } from './review-dependency-changes.js';

/** The dependency review of a run: what it found, or the one line that says why it did not run and what to do. */
export type DependencyReviewOutcome =
  { ran: true; review: DependencyReview } | { ran: false; reason: string };

const SETTINGS = 'Settings → Code security → Dependency graph';

/** GitHub's own words, shortened to one line. */
function quoted(message: string): string {
  const line = message.trim().replace(/\s+/g, ' ');
  return line ? ` ("${line.length > 160 ? `${line.slice(0, 159)}…` : line}")` : '';
}

/**
 * Why GitHub refused the comparison, as an instruction. GitHub answers 403 for a private
 * repository without GitHub Advanced Security (or Code Security) and for a forked repository;
 * 404 when the dependency graph is off, when a GitHub Enterprise Server does not offer it, or
 * when the token cannot see the repository.
 * https://docs.github.com/rest/dependency-graph/dependency-review
 */
export function explainUnavailable(status: 403 | 404, message: string): string {
  const said = quoted(message);
  if (status === 403)
    return `Dependency review did not run: GitHub answered 403${said}. Turn on the dependency graph (${SETTINGS}); a private repository also needs GitHub Advanced Security or GitHub Code Security.`;
  return `Dependency review did not run: GitHub answered 404${said}. Turn on the dependency graph (${SETTINGS}; on GitHub Enterprise Server a site administrator enables it first) and give the workflow's token \`contents: read\`.`;
}
