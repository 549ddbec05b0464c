import { oncePerReview } from '../../review-engine/once-per-review.js';
import type { ExistingRoute, ReviewedEndpoint } from '../../review-context.js';
import type { ReviewRule, RuleHit } from '../../review-engine/review-rule.js';
import { endpointLine } from './endpoint-lines.js';
import {
  isCountable,
  isParameterSegment,
  isPlural,
  pluralOf,
  restyle,
  segmentsOf,
  segmentStyle,
  type SegmentStyle,
} from './route-path.js';

/** A convention counts only when enough routes follow it, and clearly. */
const MIN_SAMPLES = 3;
const STYLE_SHARE = 0.75;
const PLURAL_SHARE = 0.8;
const SLASH_SHARE = 0.9;

function dominant<T>(values: readonly T[], share: number): T | null {
  if (values.length < MIN_SAMPLES) return null;
  for (const value of new Set(values)) {
    if (values.filter((other) => other === value).length / values.length >= share) return value;
  }
  return null;
}

/** Static segments directly followed by a parameter: `/users/:id` → `users`. */
function collectionNames(path: string): string[] {
  const segments = segmentsOf(path);
  return segments.filter(
    (segment, index) =>
      !isParameterSegment(segment) && isParameterSegment(segments[index + 1] ?? 'x') && isCountable(segment),
  );
}

function styleIssue(path: string, style: SegmentStyle | null): string | null {
  if (!style) return null;
  const odd = segmentsOf(path).find((segment) => {
    const own = segmentStyle(segment);
    return own !== null && own !== style;
  });
  return odd ? `\`${odd}\` is not ${style} like the other routes (\`${restyle(odd, style)}\`)` : null;
}

function pluralIssue(path: string, pluralConvention: boolean | null): string | null {
  if (pluralConvention !== true) return null;
  const singular = collectionNames(path).find((name) => !isPlural(name));
  return singular
    ? `\`${singular}\` is singular while the other collections are plural (\`${pluralOf(singular)}\`)`
    : null;
}

function slashIssue(path: string, trailingConvention: boolean | null): string | null {
  if (trailingConvention === null || path === '/') return null;
  const trailing = path.endsWith('/');
  if (trailing === trailingConvention) return null;
  return trailingConvention
    ? 'it lacks the trailing slash the other routes have'
    : 'it has a trailing slash the other routes do not';
}

function conventions(existing: readonly ExistingRoute[]) {
  const paths = existing.map((route) => route.path).filter((path) => path !== '/');
  return {
    style: dominant(
      paths.flatMap((path) =>
        segmentsOf(path)
          .map(segmentStyle)
          .filter((style) => style !== null),
      ),
      STYLE_SHARE,
    ),
    plural: dominant(paths.flatMap(collectionNames).map(isPlural), PLURAL_SHARE),
    trailingSlash: dominant(
      paths.map((path) => path.endsWith('/')),
      SLASH_SHARE,
    ),
  };
}

/** The conventions of a project's routes, worked out once per review. */
const knownConventions = oncePerReview(conventions);

function issuesOf(endpoint: ReviewedEndpoint, rules: ReturnType<typeof conventions>): string[] {
  return [
    styleIssue(endpoint.path, rules.style),
    pluralIssue(endpoint.path, rules.plural),
    slashIssue(endpoint.path, rules.trailingSlash),
  ].filter((issue): issue is string => issue !== null);
}

export const inconsistentPathNaming: ReviewRule = {
  id: 'api-design/inconsistent-path-naming',
  severity: 'low',
  title: 'Route path does not follow the API’s naming',
  explanation:
    'The new route is named differently from the project’s existing routes, so clients have to guess each path.',
  fix: {
    default:
      'Rename the path to follow the existing convention (case style, plural collection names, trailing slash) before clients depend on it.',
  },
  check(file, { context }) {
    const existing = context.existingRoutes ?? [];
    const added = (context.endpoints ?? []).filter(
      (endpoint) => endpoint.change === 'added' && endpoint.file === file.path,
    );
    if (added.length === 0 || existing.length < MIN_SAMPLES) return [];
    const rules = knownConventions(existing);
    const hits: RuleHit[] = [];
    for (const endpoint of added) {
      const issues = issuesOf(endpoint, rules);
      if (issues.length === 0) continue;
      hits.push({
        ...endpointLine(file, endpoint),
        title: `Route \`${endpoint.method.toUpperCase()} ${endpoint.path}\` does not follow the API’s naming`,
        explanation: `In \`${endpoint.path}\`, ${issues.join('; ')}.`,
      });
    }
    return hits;
  },
};
