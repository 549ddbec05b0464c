import type { ChangedFile } from '../code/diff/changed-file.js';
import type { Finding } from './finding.js';
import { HANDOFF_AREAS } from './handoff-area.js';
import type { ReviewContext } from './review-context.js';
import { reviewChanges } from './review-changes.js';
import { compareFindings } from './review-engine/run-rules.js';

/** Runs every area's rules over the same changes (benchmarks, `--fail-on high-findings`); sorted by file and line. */
export function reviewAll(files: ChangedFile[], context: ReviewContext = {}): Finding[] {
  return HANDOFF_AREAS.flatMap((area) => reviewChanges(area, files, context)).sort(compareFindings);
}
