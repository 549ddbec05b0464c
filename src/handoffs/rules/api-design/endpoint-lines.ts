import type { ReviewedEndpoint } from '../../review-context.js';
import type { ReviewedFile } from '../../review-engine/reviewed-file.js';

/** The diff line that declares an endpoint: its own line, else the first line quoting its path. */
export function endpointLine(
  file: ReviewedFile,
  endpoint: ReviewedEndpoint,
): { line: number; side?: 'LEFT' } {
  const removed = endpoint.change === 'removed';
  if (endpoint.line !== undefined)
    return removed ? { line: endpoint.line, side: 'LEFT' } : { line: endpoint.line };
  const lines = removed ? file.removed : file.added;
  const quoted = new RegExp(`["'\`]${endpoint.path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}["'\`]`);
  const found =
    lines.find((line) => quoted.test(line.text)) ?? lines.find((line) => line.text.includes(endpoint.path));
  const line = found?.line ?? lines[0]?.line ?? 1;
  return removed ? { line, side: 'LEFT' } : { line };
}
