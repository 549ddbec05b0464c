/** The first dotted number in a version or constraint (`^4.18.1` → [4, 18, 1], `v2.0.0-rc1` → [2, 0, 0]). */
export function leadingVersion(written: string): number[] | undefined {
  const match = /(\d+)(?:\.(\d+))?(?:\.(\d+))?(?:\.(\d+))?/.exec(written);
  if (!match) return undefined;
  return match
    .slice(1)
    .filter((part): part is string => part !== undefined)
    .map(Number);
}

/** Orders two versions as written: negative when `from` is lower, positive when higher, 0 when equal, undefined when unordered. */
export function compareVersions(from: string, to: string): number | undefined {
  const a = leadingVersion(from);
  const b = leadingVersion(to);
  if (!a || !b) return undefined;
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const difference = (a[i] ?? 0) - (b[i] ?? 0);
    if (difference !== 0) return difference;
  }
  // Same numbers: a pre-release (`-rc1`) sorts below the release.
  const aPre = /\d-[0-9A-Za-z]/.test(from);
  const bPre = /\d-[0-9A-Za-z]/.test(to);
  if (aPre !== bPre) return aPre ? -1 : 1;
  return from === to ? 0 : undefined;
}

/** True when semantic versioning reads the step as breaking: the major changed, or the minor of a `0.x`. */
export function isMajorChange(from: string, to: string): boolean {
  const a = leadingVersion(from);
  const b = leadingVersion(to);
  if (!a || !b) return false;
  if (a[0] !== b[0]) return true;
  return a[0] === 0 && (a[1] ?? 0) !== (b[1] ?? 0);
}
