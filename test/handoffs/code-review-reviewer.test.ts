import { describe, expect, it } from 'vitest';
import { reviewChanges } from '../../src/handoffs/review-changes.js';
import { addedFile, loadChanges, modifiedFile } from './fixture-changes.js';
import { describeRuleFixtures } from './rule-fixture-cases.js';

describeRuleFixtures('code-review');

describe('code review', () => {
  it('names a long function and counts its non-blank lines', () => {
    const findings = reviewChanges('code-review', loadChanges('code-review/long-function/positive')).filter(
      (finding) => finding.file === 'src/orders/import.ts',
    );
    expect(findings.map((finding) => [finding.line, finding.title])).toEqual([
      [1, 'Long function `importOrders` (48 lines)'],
    ]);
  });

  it('marks a function whose end is outside the diff as at least the counted length', () => {
    const body = Array.from({ length: 45 }, (_, index) => `+  step${index}();`).join('\n');
    const findings = reviewChanges('code-review', [
      modifiedFile('src/run.ts', `@@ -1 +1 @@\n+export function run() {\n${body}`),
    ]);
    expect(findings[0]?.title).toBe('Long function `run` (46+ lines)');
  });

  it('reports only the outer function when a long function nests another', () => {
    const inner = Array.from({ length: 42 }, (_, index) => `    step${index}();`).join('\n');
    const source = `export function outer() {\n  function inner() {\n${inner}\n  }\n  inner();\n}\n`;
    const findings = reviewChanges('code-review', [addedFile('src/outer.ts', source)]);
    expect(findings.map((finding) => finding.title)).toEqual(['Long function `outer` (47 lines)']);
  });

  it('rates a breakpoint above stray output', () => {
    const findings = reviewChanges('code-review', loadChanges('code-review/debug-output/positive')).filter(
      (finding) => finding.file === 'src/orders/service.ts',
    );
    expect(findings.map((finding) => [finding.line, finding.severity])).toEqual([
      [2, 'low'],
      [3, 'medium'],
    ]);
  });

  it('decides a Go file is a main package from the repository copy when the diff does not show it', () => {
    const patch = modifiedFile('internal/report/report.go', '@@ -20 +20 @@\n+\tfmt.Println(total)');
    expect(reviewChanges('code-review', [patch], { readFile: () => 'package main\n' })).toEqual([]);
    expect(reviewChanges('code-review', [patch], { readFile: () => 'package report\n' })).toHaveLength(1);
  });
});
