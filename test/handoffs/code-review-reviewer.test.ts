import './load-all-grammars.js';
import { describe, expect, it } from 'vitest';
import { reviewChanges } from '../../src/handoffs/review-changes.js';
import { addedFile, loadChanges, modifiedFile } from './fixture-changes.js';
import { describeRuleFixtures } from './rule-fixture-cases.js';

describeRuleFixtures('code-review', {}, { exact: true });

describe('code review', () => {
  it('names a long function and counts its statements', () => {
    const findings = reviewChanges('code-review', loadChanges('code-review/long-function/positive')).filter(
      (finding) => finding.file === 'src/orders/import.ts',
    );
    expect(findings.map((finding) => [finding.line, finding.title])).toEqual([
      [1, 'Long function `importOrders` (46 statements)'],
    ]);
  });

  it('reports a new function the diff shows only in part, counting the statements it shows', () => {
    const body = Array.from({ length: 45 }, (_, index) => `+  step${index}();`).join('\n');
    const findings = reviewChanges('code-review', [
      modifiedFile('src/run.ts', `@@ -1 +1 @@\n+export function run() {\n${body}`),
    ]);
    expect(findings.map((finding) => [finding.line, finding.title])).toEqual([
      [1, 'Long function `run` (45 statements)'],
    ]);
  });

  it('reports an existing function only when this change wrote most of it past the limit', () => {
    const statements = (count: number) => Array.from({ length: count }, (_, index) => `  step${index}();`);
    const file = (before: number, added: number) => {
      const head = ['export function run() {', ...statements(before + added), '}'];
      const patch = [
        `@@ -${before + 2},0 +${before + 2},${added} @@`,
        ...statements(before + added)
          .slice(before)
          .map((line) => `+${line}`),
      ].join('\n');
      return { change: modifiedFile('src/run.ts', patch), head: `${head.join('\n')}\n` };
    };
    const review = ({ change, head }: { change: ReturnType<typeof modifiedFile>; head: string }) =>
      reviewChanges('code-review', [change], { readFile: () => head }).map(
        (finding) => `${finding.line} ${finding.title}`,
      );
    // 10 + 35 = 45: this change wrote most of a function now past the limit.
    expect(review(file(10, 35))).toEqual(['1 Long function `run` (45 statements)']);
    // 38 + 4 = 42: nudged past the limit by a few lines; the function was this long in all but name.
    expect(review(file(38, 4))).toEqual([]);
    // 45 + 1: it was long before; not this change's doing.
    expect(review(file(45, 1))).toEqual([]);
  });

  it('says one long function per file, the longest, and is quiet on a function only renamed', () => {
    const body = (count: number) => Array.from({ length: count }, (_, index) => `  step${index}();`);
    const source = [
      'export function first() {',
      ...body(45),
      '}',
      'export function second() {',
      ...body(50),
      '}',
    ];
    const added = reviewChanges('code-review', [addedFile('src/steps.ts', `${source.join('\n')}\n`)], {}).map(
      (finding) => `${finding.line} ${finding.title}`,
    );
    expect(added).toEqual(['48 Long function `second` (50 statements), and 1 more in this file']);
    const renamedHead = ['export function renamed() {', ...body(45), '}'];
    const renamed = modifiedFile(
      'src/run.ts',
      '@@ -1 +1 @@\n-export function run() {\n+export function renamed() {',
    );
    expect(
      reviewChanges('code-review', [renamed], { readFile: () => `${renamedHead.join('\n')}\n` }).map(
        (finding) => finding.ruleId,
      ),
    ).toEqual([]);
  });

  it('does not count the lines of a data literal as length', () => {
    const rows = Array.from({ length: 60 }, (_, index) => `    { id: ${index}, name: 'row ${index}' },`);
    const source = [
      'export function seed() {',
      '  const rows = [',
      ...rows,
      '  ];',
      '  return rows;',
      '}',
      '',
    ].join('\n');
    expect(reviewChanges('code-review', [addedFile('src/seed.ts', source)])).toEqual([]);
  });

  it('reports only the outer function when a long function nests another', () => {
    const inner = Array.from({ length: 42 }, (_, index) => `    step${index}();`).join('\n');
    const source = `export function outer() {\n  function inner() {\n${inner}\n  }\n  inner();\n}\n`;
    const findings = reviewChanges('code-review', [addedFile('src/outer.ts', source)]);
    expect(findings.map((finding) => finding.title)).toEqual(['Long function `outer` (44 statements)']);
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
