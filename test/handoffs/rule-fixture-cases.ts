import { describe, expect, it } from 'vitest';
import type { HandoffArea } from '../../src/handoffs/handoff-area.js';
import type { ReviewContext } from '../../src/handoffs/review-context.js';
import { RULES_BY_AREA } from '../../src/handoffs/review-changes.js';
import {
  expectedFiles,
  fixtureContext,
  loadChanges,
  reviewAnalysed,
  ruleFixtures,
} from './fixture-changes.js';

/**
 * For every rule of `area`: its positive fixture yields findings of that rule in each expected file, and its
 * negative fixture yields none. Every rule must have both fixtures.
 */
export function describeRuleFixtures(area: HandoffArea, context: ReviewContext = {}): void {
  describe(`${area} rule fixtures`, () => {
    it('has a positive and a negative fixture for every rule', () => {
      const fixtures = ruleFixtures(area).sort();
      const rules = RULES_BY_AREA[area].map((rule) => rule.id.slice(area.length + 1)).sort();
      expect(fixtures).toEqual(rules);
    });

    for (const rule of ruleFixtures(area)) {
      const ruleId = `${area}/${rule}`;

      it(`reports ${ruleId} in each file of its positive fixture`, async () => {
        const changes = loadChanges(`${area}/${rule}/positive`);
        const findings = (
          await reviewAnalysed(area, changes, {
            ...context,
            ...fixtureContext(`${area}/${rule}/positive`),
          })
        ).filter((finding) => finding.ruleId === ruleId);
        const filesWithFindings = [...new Set(findings.map((finding) => finding.file))].sort();
        expect(filesWithFindings).toEqual(expectedFiles(`${area}/${rule}/positive`, changes).sort());
      });

      it(`reports no ${ruleId} in its negative fixture`, async () => {
        const changes = loadChanges(`${area}/${rule}/negative`);
        const findings = (
          await reviewAnalysed(area, changes, {
            ...context,
            ...fixtureContext(`${area}/${rule}/negative`),
          })
        ).filter((finding) => finding.ruleId === ruleId);
        expect(findings.map((finding) => `${finding.file}:${finding.line} ${finding.title}`)).toEqual([]);
      });
    }
  });
}
