import type { DependencyReview } from './review-dependency-changes.js';

/** The dependency review of a run: what it found, or the one line that says why it did not run and what to enable. */
export type DependencyReviewOutcome = { ran: true; review: DependencyReview } | { ran: false; reason: string };

const SETTINGS = 'Settings → Code security → Dependency graph';

/**
 * Why GitHub refused the comparison, as an instruction. GitHub answers 403 for a private
 * repository without GitHub Advanced Security (or Code Security), for a fork, and for a token
 * without `contents: read`; 404 when the dependency graph is off or the token cannot see the
 * repository. https://docs.github.com/rest/dependency-graph/dependency-review
 */
export function explainUnavailable(status: number, message: string): string {
  const said = message.trim() ? ` ("${message.trim().replace(/\s+/g, ' ').slice(0, 160)}")` : '';
  if (status === 403)
    return `Dependency review did not run: GitHub answered 403${said}. Enable the dependency graph (${SETTINGS}); a private repository also needs GitHub Advanced Security or Code Security; the workflow's token needs \`contents: read\`.`;
  if (status === 404)
    return `Dependency review did not run: GitHub answered 404${said}. Enable the dependency graph (${SETTINGS}) and give the workflow's token \`contents: read\`.`;
  return `Dependency review did not run: GitHub answered ${status}${said}. It runs again on the next push.`;
}
