import type { DetectionContext, EcosystemDetector } from './detector.js';

/** The candidates of one ecosystem that stand as projects, each with the workspace members folded into it. */
export type WorkspaceLayout = Map<string, string[]>;

/**
 * Groups an ecosystem's candidates into workspaces: a member (even of a nested
 * workspace) folds into its outermost workspace root; every other candidate stands
 * alone. A member claimed by two roots goes to the outermost.
 */
export async function resolveWorkspaces(
  detector: EcosystemDetector,
  context: DetectionContext,
): Promise<WorkspaceLayout> {
  const declared = await Promise.all(
    context.candidates.map(async (dir) => [dir, await detector.workspaceMembers(dir, context)] as const),
  );
  const parentOf = new Map<string, string>();
  // Outer roots first, so an inner root's claim never overrides an outer one.
  for (const [root, members] of [...declared].sort((a, b) => depth(a[0]) - depth(b[0]))) {
    for (const member of members)
      if (!parentOf.has(member) && isBelow(member, root)) parentOf.set(member, root);
  }
  const topOf = (dir: string): string => {
    let current = dir;
    for (let parent = parentOf.get(current); parent !== undefined; parent = parentOf.get(current))
      current = parent;
    return current;
  };
  const layout: WorkspaceLayout = new Map();
  for (const dir of context.candidates) if (!parentOf.has(dir)) layout.set(dir, []);
  for (const dir of context.candidates) {
    const top = topOf(dir);
    if (top !== dir) layout.get(top)?.push(dir);
  }
  return layout;
}

/** Members lie below their root, which also rules out cycles. */
function isBelow(member: string, root: string): boolean {
  return member !== root && (root === '.' || member.startsWith(`${root}/`));
}

function depth(dir: string): number {
  return dir === '.' ? 0 : dir.split('/').length;
}
