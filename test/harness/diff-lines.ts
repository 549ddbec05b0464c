/**
 * Reads GitHub `patch` text (unified diff hunks without file headers) the way GitHub does
 * when it accepts or rejects an inline review comment. Written independently of the
 * product's own diff parser, so the harness does not grade the product with its own code.
 */

/** One line a review comment may anchor to, with the hunk text GitHub reports as `diff_hunk`. */
export interface CommentableLine {
  side: 'LEFT' | 'RIGHT';
  line: number;
  /** Lines below the file's first `@@` header, counting later headers too (the deprecated `position`). */
  position: number;
  diffHunk: string;
}

const HUNK_HEADER = /^@@ -(\d+)(?:,\d+)? \+(\d+)(?:,\d+)? @@/;

/** Added and removed line counts, as GitHub reports `additions` and `deletions`. */
export function countPatchLines(patch: string): { additions: number; deletions: number } {
  let additions = 0;
  let deletions = 0;
  for (const line of patch.split('\n')) {
    if (line.startsWith('+')) additions += 1;
    else if (line.startsWith('-')) deletions += 1;
  }
  return { additions, deletions };
}

/**
 * Every line of the patch a review comment can point at: added and context lines on the
 * RIGHT (new file numbering), removed and context lines on the LEFT (old numbering).
 */
export function commentableLines(patch: string): CommentableLine[] {
  const found: CommentableLine[] = [];
  let oldLine = 0;
  let newLine = 0;
  let hunk: string[] = [];
  let position = -1;
  for (const text of patch.split('\n')) {
    const header = HUNK_HEADER.exec(text);
    position += 1;
    if (header) {
      oldLine = Number(header[1]);
      newLine = Number(header[2]);
      hunk = [text];
      continue;
    }
    if (hunk.length === 0 || text.startsWith('\\')) continue;
    hunk.push(text);
    const diffHunk = hunk.join('\n');
    if (text.startsWith('+')) found.push({ side: 'RIGHT', line: newLine++, position, diffHunk });
    else if (text.startsWith('-')) found.push({ side: 'LEFT', line: oldLine++, position, diffHunk });
    else {
      found.push(
        { side: 'RIGHT', line: newLine++, position, diffHunk },
        { side: 'LEFT', line: oldLine++, position, diffHunk },
      );
    }
  }
  return found;
}
