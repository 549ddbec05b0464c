import { oncePerReview } from './once-per-review.js';
import { findCosmeticLines } from '../../code/cosmetic-lines.js';
import type { ChangedFile } from '../../code/diff/changed-file.js';
import { fingerprintFinding } from '../fingerprint-finding.js';
import type { Finding } from '../finding.js';
import type { HandoffArea } from '../handoff-area.js';
import type { ReviewContext } from '../review-context.js';
import { fixFor } from './language-fix.js';
import type { ReviewRule, RuleHit } from './review-rule.js';
import { describeChangedFile, type ReviewedFile } from './reviewed-file.js';

function lineTextOf(file: ReviewedFile, hit: RuleHit): string {
  if (hit.lineText !== undefined) return hit.lineText;
  const lines = hit.side === 'LEFT' ? file.removed : file.added;
  return lines.find((line) => line.line === hit.line)?.text ?? '';
}

function toFinding(area: HandoffArea, rule: ReviewRule, file: ReviewedFile, hit: RuleHit): Finding {
  const finding: Finding = {
    area,
    ruleId: rule.id,
    severity: hit.severity ?? rule.severity,
    file: file.path,
    line: hit.line,
    title: hit.title ?? rule.title,
    explanation: hit.explanation ?? rule.explanation,
    recommendation: fixFor(rule.fix, file.language),
    origin: 'rule',
  };
  if (hit.side === 'LEFT') finding.side = 'LEFT';
  finding.fingerprint = fingerprintFinding(finding, lineTextOf(file, hit));
  return finding;
}

/** Orders findings by file, then line, then rule, so output is stable across runs. */
export function compareFindings(a: Finding, b: Finding): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  if (a.line !== b.line) return a.line - b.line;
  return a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0;
}

/** The pull request's re-laid-out and moved lines, worked out once for all areas. */
const cosmeticLines = oncePerReview(findCosmeticLines);

/**
 * False for a hit on an added line the pull request did not really write: code it only
 * re-laid out or moved (no area's business: the code was there before), and, for the areas
 * about tests and code quality, an import.
 */
function isOnNewCode(area: HandoffArea, file: ReviewedFile, hit: RuleHit): boolean {
  if (hit.side === 'LEFT') return true;
  const line = file.added.find((added) => added.line === hit.line);
  if (!line) return true;
  const kind = file.kindOf(line);
  if (kind === 'formatting' || kind === 'moved') return false;
  return !(kind === 'import' && (area === 'qa' || area === 'code-review'));
}

/** Runs `rules` over every reviewable changed file and turns their hits into findings, sorted by file and line. */
export function runRules(
  area: HandoffArea,
  rules: readonly ReviewRule[],
  changes: readonly ChangedFile[],
  context: ReviewContext = {},
): Finding[] {
  const cosmetic = cosmeticLines(changes);
  const files = changes
    .map((change) =>
      describeChangedFile(change, {
        ...(context.readFile ? { readFile: context.readFile } : {}),
        cosmetic,
        ...(context.facts ? { facts: context.facts } : {}),
      }),
    )
    .filter((file) => !file.skipped);
  const findings: Finding[] = [];
  const seen = new Set<string>();
  for (const file of files) {
    for (const rule of rules) {
      for (const hit of rule.check(file, { context, files })) {
        if (!isOnNewCode(area, file, hit)) continue;
        const key = `${rule.id}\0${file.path}\0${hit.side ?? 'RIGHT'}\0${hit.line}`;
        if (seen.has(key)) continue;
        seen.add(key);
        findings.push(toFinding(area, rule, file, hit));
      }
    }
  }
  return findings.sort(compareFindings);
}
