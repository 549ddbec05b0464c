import type { Finding } from '../handoffs/finding.js';

/** Words of a rule id too short to say two findings are about the same thing. */
const MIN_SHARED_WORD = 4;

/**
 * Adds model findings to the rule findings, leaving out a model finding that repeats a rule
 * finding (same file and line, and the same area or a shared word in their rule ids) or an
 * earlier model finding. The rule finding is kept: it is deterministic and explains itself.
 */
export function mergeFindings(
  ruleFindings: readonly Finding[],
  modelFindings: readonly Finding[],
): Finding[] {
  const merged: Finding[] = [...ruleFindings];
  for (const candidate of modelFindings) {
    if (!merged.some((existing) => isSameProblem(existing, candidate))) merged.push(candidate);
  }
  return merged;
}

function isSameProblem(a: Finding, b: Finding): boolean {
  if (a.file !== b.file || a.line !== b.line) return false;
  if (a.area === b.area) return true;
  const words = new Set(ruleWords(a.ruleId));
  return ruleWords(b.ruleId).some((word) => words.has(word));
}

function ruleWords(ruleId: string): string[] {
  return ruleId
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((word) => word.length >= MIN_SHARED_WORD && word !== 'model');
}
