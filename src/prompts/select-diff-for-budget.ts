import type { ChangedFile } from '../code/diff/changed-file.js';
import type { HandoffArea } from '../handoffs/handoff-area.js';
import { AREA_BRIEFS } from './area-briefs/area-briefs.js';
import {
  classifyReviewExclusion,
  EXCLUSION_ORDER,
  type ExclusionReason,
} from './classify-review-exclusion.js';
import { estimateTokens } from './estimate-tokens.js';
import { renderFileDiff } from './render-file-diff.js';

/** A changed file the model did not see, and why, for the report to list. */
export interface LeftOutFile {
  path: string;
  reason: ExclusionReason | 'budget';
}

export interface DiffSelection {
  /** The files the model sees, in path order. */
  included: ChangedFile[];
  /** Their rendered diffs, joined. */
  text: string;
  /** Estimated tokens of `text`. */
  tokens: number;
  /** Files left out: excluded kinds first (lockfiles first), then those over the budget. */
  leftOut: LeftOutFile[];
}

export interface DiffBudget {
  /** Areas whose relevance orders the files; empty means general code review. */
  areas: readonly HandoffArea[];
  /** Most tokens the rendered diff may take. */
  tokenLimit: number;
}

interface Candidate {
  file: ChangedFile;
  text: string;
  tokens: number;
  relevance: number;
}

const SEPARATOR = '\n\n';
/** Only the start of a huge patch is scanned for keywords: ranking must stay cheap. */
const KEYWORD_SCAN_CHARS = 20_000;

/**
 * Chooses which file diffs fit a token limit. Lockfiles, generated, minified, vendored and
 * binary files go first; the rest are kept by relevance to the areas (path, then added code),
 * smaller files first among equals. A file too big for what is left is skipped, not cut.
 */
export function selectDiffForBudget(files: readonly ChangedFile[], budget: DiffBudget): DiffSelection {
  const leftOut: LeftOutFile[] = [];
  const candidates: Candidate[] = [];
  for (const file of files) {
    const reason = classifyReviewExclusion(file);
    if (reason) {
      leftOut.push({ path: file.path, reason });
      continue;
    }
    const text = renderFileDiff(file);
    candidates.push({
      file,
      text,
      tokens: estimateTokens(text + SEPARATOR),
      relevance: relevanceOf(file, budget.areas),
    });
  }
  candidates.sort(
    (a, b) => b.relevance - a.relevance || a.tokens - b.tokens || a.file.path.localeCompare(b.file.path),
  );

  const kept: Candidate[] = [];
  let used = 0;
  for (const candidate of candidates) {
    if (used + candidate.tokens > budget.tokenLimit) {
      leftOut.push({ path: candidate.file.path, reason: 'budget' });
      continue;
    }
    kept.push(candidate);
    used += candidate.tokens;
  }
  kept.sort((a, b) => a.file.path.localeCompare(b.file.path));
  return {
    included: kept.map((c) => c.file),
    text: kept.map((c) => c.text).join(SEPARATOR),
    tokens: used,
    leftOut: orderLeftOut(leftOut),
  };
}

function relevanceOf(file: ChangedFile, areas: readonly HandoffArea[]): number {
  const targets = areas.length > 0 ? areas : (['code-review'] as const);
  const added = addedText(file.patch ?? '');
  let best = 0;
  for (const area of targets) {
    const brief = AREA_BRIEFS[area];
    const score = (brief.relevantPaths.test(file.path) ? 2 : 0) + (brief.relevantCode.test(added) ? 1 : 0);
    best = Math.max(best, score);
  }
  return best;
}

function addedText(patch: string): string {
  return patch
    .slice(0, KEYWORD_SCAN_CHARS)
    .split('\n')
    .filter((line) => line.startsWith('+'))
    .join('\n');
}

function orderLeftOut(leftOut: LeftOutFile[]): LeftOutFile[] {
  const rank = (reason: LeftOutFile['reason']): number =>
    reason === 'budget' ? EXCLUSION_ORDER.length : EXCLUSION_ORDER.indexOf(reason);
  return [...leftOut].sort((a, b) => rank(a.reason) - rank(b.reason) || a.path.localeCompare(b.path));
}
