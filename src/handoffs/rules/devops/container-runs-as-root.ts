import type { ReviewRule, RuleHit } from '../../review-engine/review-rule.js';
import type { ReviewedFile } from '../../review-engine/reviewed-file.js';
import { fullText, isDockerfile } from './infra-files.js';

const FROM = /^\s*FROM\s+(?:--platform=\S+\s+)?(\S+)/i;
const USER = /^\s*USER\s+(\S+)/i;
/** Base images that already run as an unprivileged user. */
const NON_ROOT_BASE = /nonroot|rootless|chainguard|distroless\/static:nonroot|bitnami\//i;

function isRoot(user: string): boolean {
  return /^(?:root|0)(?::.*)?$/.test(user);
}

/** The final stage's FROM line and its USER lines, with line numbers (1-based) in the full text. */
function finalStage(text: string): {
  from: { line: number; image: string } | null;
  users: { line: number; user: string }[];
} {
  let from: { line: number; image: string } | null = null;
  let users: { line: number; user: string }[] = [];
  text.split('\n').forEach((content, index) => {
    const image = FROM.exec(content)?.[1];
    if (image) {
      from = { line: index + 1, image };
      users = [];
      return;
    }
    const user = USER.exec(content)?.[1];
    if (user) users.push({ line: index + 1, user });
  });
  return { from, users };
}

function wasAdded(file: ReviewedFile, line: number): boolean {
  return file.added.some((added) => added.line === line);
}

export const containerRunsAsRoot: ReviewRule = {
  id: 'devops/container-runs-as-root',
  severity: 'medium',
  title: 'Container runs as root',
  explanation:
    'The final image has no non-root `USER`, so the process runs as root: a compromise of the app is root in the container and a step closer to the host.',
  fix: {
    default:
      'Create an unprivileged user and switch to it at the end of the final stage: `RUN addgroup -S app && adduser -S app -G app` then `USER app` (official Node images ship `USER node`).',
  },
  check(file, { context }) {
    if (!isDockerfile(file.path)) return [];
    const text = fullText(file, context);
    if (text === null) return [];
    const { from, users } = finalStage(text);
    if (!from || NON_ROOT_BASE.test(from.image)) return [];
    const last = users[users.length - 1];
    const removedUser = file.removed.find((line) => USER.test(line.text));
    const hits: RuleHit[] = [];
    if (last && isRoot(last.user)) {
      if (wasAdded(file, last.line))
        hits.push({
          line: last.line,
          explanation: 'The last `USER` of the final stage switches back to root.',
        });
    } else if (!last) {
      // Report only what this pull request caused: a new final stage, or a USER line it removed.
      if (wasAdded(file, from.line)) hits.push({ line: from.line });
      else if (removedUser)
        hits.push({
          line: removedUser.line,
          side: 'LEFT',
          explanation: 'Removing this `USER` leaves the final stage running as root.',
        });
    }
    // Fixture and example images are inputs for tests and docs, not what gets deployed.
    return file.isFixture ? hits.map((hit) => ({ ...hit, severity: 'low' })) : hits;
  },
};
