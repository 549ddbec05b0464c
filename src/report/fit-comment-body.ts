/** GitHub rejects comment and review bodies longer than this with 422. */
export const GITHUB_BODY_LIMIT = 65_536;

/** Splits before each `### ` heading, so a cut never lands inside a section. */
function sections(body: string): string[] {
  return body.split(/\n(?=### )/);
}

function cutNote(omitted: number, fullReportUrl: string | undefined): string {
  const where = fullReportUrl ? `the [job summary](${fullReportUrl})` : 'the job summary';
  return `\n\n> [!NOTE]\n> This report was cut to fit GitHub's 65,536-character comment limit: ${omitted} section${omitted === 1 ? ' was' : 's were'} left out. The full report is in ${where}.`;
}

/** Cuts a single oversized section at a line boundary, closing what the cut left open. */
function cutSection(section: string, budget: number): string {
  let text = section.slice(0, Math.max(0, budget));
  text = text.slice(0, Math.max(0, text.lastIndexOf('\n')));
  if ((text.match(/^```/gm)?.length ?? 0) % 2 === 1) text += '\n```';
  const open = (text.match(/<details>/g)?.length ?? 0) - (text.match(/<\/details>/g)?.length ?? 0);
  for (let i = 0; i < open; i++) text += '\n\n</details>';
  return text;
}

/**
 * Returns the body unchanged when it fits; otherwise keeps whole sections from the top,
 * then says what was cut and where the full report is. Never longer than `limit`.
 */
export function fitCommentBody(body: string, fullReportUrl?: string, limit = GITHUB_BODY_LIMIT): string {
  if (body.length <= limit) return body;
  const parts = sections(body);
  const room = limit - cutNote(parts.length, fullReportUrl).length - 200;
  const kept: string[] = [];
  let length = 0;
  for (const part of parts) {
    const cost = part.length + 1;
    if (length + cost > room) break;
    kept.push(part);
    length += cost;
  }
  if (kept.length === 0) kept.push(cutSection(parts[0] ?? '', room));
  const text = kept.join('\n') + cutNote(parts.length - kept.length, fullReportUrl);
  return text.length <= limit ? text : text.slice(0, limit);
}
