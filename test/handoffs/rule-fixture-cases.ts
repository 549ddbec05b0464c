import { describe, expect, it } from 'vitest';
import { findCosmeticLines, type CosmeticKind } from '../../src/code/cosmetic-lines.js';
import type { ChangedFile } from '../../src/code/diff/changed-file.js';
import { parsePatch } from '../../src/code/diff/parse-patch.js';
import type { HandoffArea } from '../../src/handoffs/handoff-area.js';
import type { ReviewContext } from '../../src/handoffs/review-context.js';
import { RULES_BY_AREA } from '../../src/handoffs/review-changes.js';
import {
  addedFile,
  expectedFiles,
  fixtureContext,
  loadFixture,
  reviewAnalysed,
  ruleFixtures,
  type ExpectedFinding,
} from './fixture-changes.js';

/** Options for `describeRuleFixtures`. */
export interface RuleFixtureOptions {
  /**
   * Every positive fixture marks the exact lines its rule must report (`// expect: <rule>`), and every negative
   * fixture holds a formatting-only edit and a moved block that the rule would report were they new code.
   */
  exact?: boolean;
  /**
   * Rules exempt from the formatting-only and moved-block controls, each with the reason: rules that cannot
   * fire on any line written as new code (they read deleted code, or a whole file's size), so no cosmetic
   * line could be one they "would report". Their negative fixture still holds the cases that matter to them.
   */
  withoutCosmeticControls?: Readonly<Record<string, string>>;
}

/** Where a finding is: `file:line`, with ` (base)` for a line of the base version. */
const place = (finding: { file: string; line: number; side?: 'LEFT' | 'RIGHT' }): string =>
  `${finding.file}:${finding.line}${finding.side === 'LEFT' ? ' (base)' : ''}`;

/** The head side of each changed file as if the pull request had added it whole (removed files left out). */
function asNewFiles(changes: readonly ChangedFile[], context: ReviewContext): ChangedFile[] {
  return changes
    .filter((change) => change.status !== 'removed')
    .map((change) => {
      const head = context.readFile?.(change.path);
      if (head !== undefined) return addedFile(change.path, head);
      return addedFile(
        change.path,
        parsePatch(change.patch)
          .added.map((line) => line.text)
          .join('\n'),
      );
    });
}

/** The head lines of a negative fixture that only re-lay out or move code, by kind. */
function cosmeticPlaces(changes: readonly ChangedFile[]): Map<CosmeticKind, Set<string>> {
  const byKind = new Map<CosmeticKind, Set<string>>([
    ['formatting', new Set()],
    ['moved', new Set()],
  ]);
  for (const [file, lines] of findCosmeticLines(changes)) {
    for (const [line, kind] of lines) byKind.get(kind)?.add(place({ file, line }));
  }
  return byKind;
}

/**
 * For every rule of `area`: its positive fixture yields findings of that rule on exactly the lines it marks
 * (or, without markers, in each expected file), and its negative fixture yields none. Every rule must have both fixtures.
 */
export function describeRuleFixtures(
  area: HandoffArea,
  context: ReviewContext = {},
  options: RuleFixtureOptions = {},
): void {
  describe(`${area} rule fixtures`, () => {
    it('has a positive and a negative fixture for every rule', () => {
      const fixtures = ruleFixtures(area).sort();
      const rules = RULES_BY_AREA[area].map((rule) => rule.id.slice(area.length + 1)).sort();
      expect(fixtures).toEqual(rules);
      const exempt = Object.keys(options.withoutCosmeticControls ?? {});
      const foreign = exempt.filter(
        (ruleId) => !ruleId.startsWith(`${area}/`) || !rules.includes(ruleId.slice(area.length + 1)),
      );
      expect(foreign, "exempt rules that are not this area's").toEqual([]);
    });

    for (const rule of ruleFixtures(area)) {
      const ruleId = `${area}/${rule}`;
      const findingsOf = async (fixture: string, changes: ChangedFile[]) =>
        (await reviewAnalysed(area, changes, { ...context, ...fixtureContext(fixture) })).filter(
          (finding) => finding.ruleId === ruleId,
        );

      it(`reports ${ruleId} on the lines its positive fixture marks`, async () => {
        const fixture = `${area}/${rule}/positive`;
        const { changes, expected } = loadFixture(fixture);
        const marked = expected.filter((finding: ExpectedFinding) => finding.ruleId === ruleId);
        const findings = await findingsOf(fixture, changes);
        if (options.exact || marked.length > 0) {
          expect(marked.length, `${fixture} marks no line with "expect: ${ruleId}"`).toBeGreaterThan(0);
          const unmarked = changes.filter(
            (change) => !marked.some((finding) => finding.file === change.path),
          );
          expect(
            unmarked.map((change) => change.path),
            'positive files without a marked line',
          ).toEqual([]);
          expect(findings.map(place).sort()).toEqual(marked.map(place).sort());
          return;
        }
        const filesWithFindings = [...new Set(findings.map((finding) => finding.file))].sort();
        expect(filesWithFindings).toEqual(expectedFiles(fixture, changes).sort());
      });

      it(`reports no ${ruleId} in its negative fixture`, async () => {
        const fixture = `${area}/${rule}/negative`;
        const findings = await findingsOf(fixture, loadFixture(fixture).changes);
        expect(findings.map((finding) => `${place(finding)} ${finding.title}`)).toEqual([]);
      });

      if (options.exact && options.withoutCosmeticControls?.[ruleId] === undefined) {
        it(`has negative controls for ${ruleId} that would fire as new code: a formatting-only edit and a moved block`, async () => {
          const fixture = `${area}/${rule}/negative`;
          const { changes } = loadFixture(fixture);
          const fresh = asNewFiles(changes, fixtureContext(fixture));
          const wouldFire = new Set((await findingsOf(fixture, fresh)).map(place));
          for (const [kind, places] of cosmeticPlaces(changes)) {
            const controls = [...places].filter((at) => wouldFire.has(at));
            expect(
              controls.length,
              `${fixture}: no ${kind} line that ${ruleId} reports as new code`,
            ).toBeGreaterThan(0);
          }
        });
      }
    }
  });
}
