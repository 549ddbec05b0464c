import { oncePerReview } from '../../review-engine/once-per-review.js';
import type { ReviewedEndpoint } from '../../review-context.js';
import type { ReviewRule, RuleHit } from '../../review-engine/review-rule.js';
import type { ReviewedFile } from '../../review-engine/reviewed-file.js';
import { endpointLine } from './endpoint-lines.js';
import { normalisedPath } from './route-path.js';

function describeEndpoint(endpoint: ReviewedEndpoint): string {
  return `\`${endpoint.method.toUpperCase()} ${endpoint.path}\``;
}

function sameMethod(a: ReviewedEndpoint, b: ReviewedEndpoint): boolean {
  return a.method.toUpperCase() === b.method.toUpperCase();
}

/** Methods that replace each other when an API is reworked: a PUT that became a PATCH, not a DELETE that did. */
const RELATED_METHODS = [new Set(['PUT', 'PATCH', 'POST']), new Set(['GET', 'HEAD'])];

function related(a: ReviewedEndpoint, b: ReviewedEndpoint): boolean {
  return RELATED_METHODS.some(
    (family) => family.has(a.method.toUpperCase()) && family.has(b.method.toUpperCase()),
  );
}

/** Pairs each added endpoint with at most one removed endpoint it replaces; the best-related one first. */
function pairReplacements(
  removed: readonly ReviewedEndpoint[],
  added: readonly ReviewedEndpoint[],
  replaces: (old: ReviewedEndpoint, replacement: ReviewedEndpoint) => boolean,
): Map<ReviewedEndpoint, ReviewedEndpoint> {
  const pairs = new Map<ReviewedEndpoint, ReviewedEndpoint>();
  for (const replacement of added) {
    const candidates = removed.filter((old) => !pairs.has(old) && replaces(old, replacement));
    const best = candidates.find((old) => related(old, replacement)) ?? candidates[0];
    if (best) pairs.set(best, replacement);
  }
  return pairs;
}

function hitFor(
  file: ReviewedFile,
  old: ReviewedEndpoint,
  methodChange?: ReviewedEndpoint,
  rename?: ReviewedEndpoint,
): RuleHit {
  const breaks = `Clients calling ${describeEndpoint(old)} will get ${methodChange ? '404 or 405' : '404'} once this ships.`;
  if (methodChange) {
    return {
      ...endpointLine(file, methodChange),
      title: `Endpoint method changed: ${describeEndpoint(old)} → ${describeEndpoint(methodChange)}`,
      explanation: breaks,
    };
  }
  if (rename) {
    return {
      ...endpointLine(file, rename),
      title: `Endpoint renamed: ${describeEndpoint(old)} → \`${rename.path}\``,
      explanation: breaks,
    };
  }
  return {
    ...endpointLine(file, old),
    title: `Endpoint removed: ${describeEndpoint(old)}`,
    explanation: breaks,
  };
}

/**
 * An endpoint the analysis paired across the sides (same handler) whose method or URL changed:
 * a client sees it as the old endpoint gone. A renamed path parameter (`:id` → `:userId`)
 * leaves every URL as it was and is not a break.
 */
function movedEndpointHit(file: ReviewedFile, endpoint: ReviewedEndpoint): RuleHit | undefined {
  const previous = endpoint.previous;
  if (!previous) return undefined;
  const old: ReviewedEndpoint = { ...previous, change: 'removed', file: endpoint.file };
  const methodChanged = previous.method.toUpperCase() !== endpoint.method.toUpperCase();
  const pathChanged = normalisedPath(previous.path) !== normalisedPath(endpoint.path);
  if (!methodChanged && !pathChanged) return undefined;
  return hitFor(
    file,
    old,
    methodChanged ? endpoint : undefined,
    pathChanged && !methodChanged ? endpoint : undefined,
  );
}

/** The files a review's endpoint changes are declared in. */
const endpointFilesOf = oncePerReview(
  (endpoints: readonly { file: string }[]) => new Set(endpoints.map((endpoint) => endpoint.file)),
);

export const breakingEndpointChange: ReviewRule = {
  id: 'api-design/breaking-endpoint-change',
  severity: 'high',
  title: 'Breaking endpoint change',
  explanation:
    'An endpoint is removed, renamed or moved to another method: existing clients break as soon as this is deployed.',
  fix: {
    default:
      'Keep the old endpoint working (delegating to the new one) and mark it deprecated (`Deprecation`/`Sunset` headers, docs), or release the change under a new API version; remove it only after clients have moved.',
  },
  check(file, { context }) {
    const endpoints = context.endpoints ?? [];
    // Every finding is on an endpoint of this file: most files of a large pull request have none.
    if (!endpointFilesOf(endpoints).has(file.path)) return [];
    const added = endpoints.filter((endpoint) => endpoint.change === 'added');
    // Only a parameter renamed, or the declaration moved to another file: clients see no change.
    const removed = endpoints.filter(
      (endpoint) =>
        endpoint.change === 'removed' &&
        endpoint.file === file.path &&
        !added.some(
          (other) =>
            sameMethod(other, endpoint) && normalisedPath(other.path) === normalisedPath(endpoint.path),
        ),
    );
    const addedHere = added.filter((endpoint) => endpoint.file === file.path);
    const methodChanges = pairReplacements(
      removed,
      addedHere,
      (old, next) => normalisedPath(old.path) === normalisedPath(next.path),
    );
    const remaining = removed.filter((old) => !methodChanges.has(old));
    const renames = pairReplacements(remaining, addedHere, sameMethod);
    // A rename is only clear when the file adds exactly one route for that method.
    const clearRenames = new Map(
      [...renames].filter(([old]) => addedHere.filter((next) => sameMethod(next, old)).length === 1),
    );
    const changedHere = endpoints
      .filter((endpoint) => endpoint.change === 'changed' && endpoint.file === file.path)
      .map((endpoint) => movedEndpointHit(file, endpoint))
      .filter((hit): hit is RuleHit => hit !== undefined);
    return [
      ...removed.map((old) => hitFor(file, old, methodChanges.get(old), clearRenames.get(old))),
      ...changedHere,
    ];
  },
};
