import type { ReviewRule, RuleHit } from '../../review-engine/review-rule.js';
import { isWorkflowFile, withoutYamlComment } from './infra-files.js';

const USES = /^\s*(?:-\s*)?uses:\s*['"]?([^'"\s]+)['"]?\s*$/;
/** Owners maintained by GitHub itself. */
const FIRST_PARTY = new Set(['actions', 'github']);

/** Why a `uses:` reference is not pinned, or null when it is pinned, local, a container or first-party. */
function unpinnedReason(reference: string): string | null {
  if (reference.startsWith('./') || reference.startsWith('docker://')) return null;
  const at = reference.lastIndexOf('@');
  if (at < 0) return `\`${reference}\` has no version at all`;
  const path = reference.slice(0, at);
  const ref = reference.slice(at + 1);
  const owner = path.split('/')[0]?.toLowerCase() ?? '';
  // Reusable workflows are usually the organisation's own; their owner cannot be told apart here.
  if (FIRST_PARTY.has(owner) || path.includes('/.github/workflows/')) return null;
  if (/^[0-9a-f]{40}$/.test(ref)) return null;
  return `\`${path}\` is referenced by \`${ref}\`, which its owner can move to different code`;
}

export const unpinnedAction: ReviewRule = {
  id: 'devops/unpinned-action',
  severity: 'medium',
  title: 'Third-party action not pinned to a commit',
  explanation:
    'A tag or branch of a third-party action can be re-pointed to malicious code that then runs with this workflow’s token and secrets.',
  fix: {
    default:
      'Pin the full 40-character commit SHA and keep the version in a comment (`uses: owner/action@<sha> # v4.1.0`); Dependabot updates pinned SHAs.',
  },
  check(file) {
    if (!isWorkflowFile(file.path)) return [];
    const hits: RuleHit[] = [];
    for (const line of file.added) {
      const reference = USES.exec(withoutYamlComment(line.text))?.[1];
      const reason = reference ? unpinnedReason(reference) : null;
      if (reason) hits.push({ line: line.line, explanation: `${reason}.` });
    }
    return hits;
  },
};
