import { readFileSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';

/** Files larger than this are not read: analysis wants source, not data dumps. */
const MAX_BYTES = 1024 * 1024;

/**
 * Reads files of the checked-out head, by repository-relative path. Paths come from the
 * PR's diff, so a path (or a symlink in the PR) that leads outside the checkout is refused.
 * Each file is read once: discovery, change analysis and every reviewer ask for the same files,
 * and the analysis never writes to the checkout.
 */
export function createCheckoutReader(root: string): (file: string) => string | undefined {
  const realRoot = realpathSync(root);
  const known = new Map<string, string | undefined>();
  return (file) => {
    if (known.has(file)) return known.get(file);
    const text = readInside(realRoot, file);
    known.set(file, text);
    return text;
  };
}

function readInside(realRoot: string, file: string): string | undefined {
  try {
    const resolved = realpathSync.native(path.resolve(realRoot, file));
    if (resolved !== realRoot && !resolved.startsWith(realRoot + path.sep)) return undefined;
    const stat = statSync(resolved);
    if (!stat.isFile() || stat.size > MAX_BYTES) return undefined;
    return readFileSync(resolved, 'utf8');
  } catch {
    return undefined;
  }
}
