import './load-all-grammars.js';
import { describe, expect, it } from 'vitest';
import { reviewChanges } from '../../src/handoffs/review-changes.js';
import { addedFile, loadChanges, modifiedFile, removedFile } from './fixture-changes.js';
import { describeRuleFixtures } from './rule-fixture-cases.js';

describeRuleFixtures(
  'qa',
  {},
  {
    exact: true,
    withoutCosmeticControls: {
      // It reads removed lines and deleted files only: no line added as new code can be a deleted test. Its negative
      // fixture holds a re-wrapped test and tests moved to another file instead.
      'qa/test-deleted': 'reports deleted tests, never added lines',
    },
  },
);

describe('qa review', () => {
  it('reports an untested change once per project, on its most changed file', () => {
    const findings = reviewChanges('qa', [
      addedFile('docs/orders.md', 'Discounts apply to VIP codes.'),
      addedFile(
        'src/orders/discount.ts',
        "export function discount(total: number, code: string): number {\n  return code === 'VIP' ? total * 0.9 : total;\n}",
      ),
      addedFile(
        'src/orders/order-types.ts',
        "export interface OrderLine {\n  sku: string;\n  quantity: number;\n}\n\nexport type OrderStatus = 'draft' | 'placed' | 'paid';",
      ),
      modifiedFile(
        'src/orders/tax.ts',
        '@@ -3 +3 @@\n export function tax(total: number): number {\n-  return total * 0.2;\n+  return Math.round(total * 0.21 * 100) / 100;\n }',
      ),
    ]);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      file: 'src/orders/discount.ts',
      line: 1,
      ruleId: 'qa/source-without-tests',
    });
    expect(findings[0]?.explanation).toContain('and 1 other source file');
  });

  it('names the most changed file and counts the others up to twenty; comment-only and types-only files are not counted', () => {
    const handler = (n: number, lines: number) =>
      addedFile(
        `src/handlers/h${n}.ts`,
        Array.from({ length: lines }, (_, i) => `export const v${i} = (x: number) => x + ${n};`).join('\n'),
      );
    const commentOnly = addedFile('src/handlers/notes.ts', '// notes\n// more notes\n// and more\n// end');
    const typesOnly = addedFile(
      'src/handlers/types.ts',
      'export interface A {\n  a: string;\n}\nexport type B = A;',
    );
    const few = [
      handler(0, 5),
      commentOnly,
      typesOnly,
      ...Array.from({ length: 20 }, (_, n) => handler(n + 1, 2)),
    ];
    const counted = reviewChanges('qa', few);
    expect(counted.map((f) => `${f.file}:${f.line}`)).toEqual(['src/handlers/h0.ts:1']);
    expect(counted[0]?.explanation).toContain('`src/handlers/h0.ts` and 20 other source files changed');
    const many = reviewChanges('qa', [...few, handler(21, 2)]);
    expect(many.map((f) => `${f.file}:${f.line}`)).toEqual(['src/handlers/h0.ts:1']);
    expect(many[0]?.explanation).toContain(
      '`src/handlers/h0.ts` and more than 20 other source files changed',
    );
  });

  it('judges each project by its own tests when project roots are known', () => {
    const changes = [
      addedFile('services/api/src/orders.ts', 'export const total = (items: number[]) => items.length;'),
      addedFile('services/api/test/orders.test.ts', "it('counts', () => {});"),
      addedFile('services/billing/src/invoice.ts', 'export const due = (days: number) => days > 30;'),
    ];
    const findings = reviewChanges('qa', changes, { projectRoots: ['services/api', 'services/billing'] });
    expect(findings.map((finding) => finding.file)).toEqual(['services/billing/src/invoice.ts']);
  });

  it('says nothing about missing tests in a project that has no test suite at all', () => {
    const changes = [
      addedFile('services/api/src/orders.ts', 'export const total = (items: number[]) => items.length;'),
      addedFile('services/billing/src/invoice.ts', 'export const due = (days: number) => days > 30;'),
    ];
    const findings = reviewChanges('qa', changes, {
      projectRoots: ['services/api', 'services/billing'],
      projectsWithoutTests: ['services/api'],
    });
    expect(findings.map((finding) => [finding.file, finding.line])).toEqual([
      ['services/billing/src/invoice.ts', 1],
    ]);
  });

  it('asks no tests of a refactor or chore, of developer scripts, nor of a generated schema dump', () => {
    const source = addedFile('app/orders.py', 'def total(items):\n    return sum(items)\n');
    expect(reviewChanges('qa', [source], { changeKind: 'change' })).toEqual([]);
    expect(reviewChanges('qa', [source], { changeKind: 'fix' }).map((f) => [f.file, f.line])).toEqual([
      ['app/orders.py', 1],
    ]);
    const tooling = [
      addedFile('dev/code-generation/gen_docs.py', 'def main():\n    print("docs")\n'),
      modifiedFile(
        'db/schema.rb',
        '@@ -1 +1 @@\n-ActiveRecord::Schema[7.2].define(version: 1) do\n+ActiveRecord::Schema[7.2].define(version: 2) do',
      ),
    ];
    expect(reviewChanges('qa', tooling, { changeKind: 'feature' })).toEqual([]);
  });

  it('anchors on the first line with behaviour, not on the file header, imports or comments', () => {
    const php = [
      '<?php',
      '',
      'namespace App\\Billing;',
      '',
      'use App\\Models\\Invoice;',
      '/* Due dates. */',
      'function due(int $days): bool { return $days > 30; }',
    ];
    const findings = reviewChanges('qa', [addedFile('src/Billing/Due.php', php.join('\n'))]);
    expect(findings.map((finding) => [finding.ruleId, finding.line])).toEqual([
      ['qa/source-without-tests', 7],
    ]);
  });

  it('places deleted test cases on the base side of the diff', () => {
    const findings = reviewChanges('qa', loadChanges('qa/test-deleted/positive')).filter(
      (finding) => finding.file === 'tests/test_orders.py',
    );
    expect(findings).toEqual([
      expect.objectContaining({
        line: 13,
        side: 'LEFT',
        title: 'Test case deleted: test_empty_order_is_rejected',
      }),
    ]);
  });

  it('rates a skip that states its reason lower than a bare one', () => {
    const findings = reviewChanges('qa', [
      addedFile(
        'src/test/java/com/acme/ATest.java',
        '@Disabled("needs #123")\n@Test\nvoid a() {}\n@Disabled\n@Test\nvoid b() {}',
      ),
    ]);
    expect(findings.map((finding) => [finding.line, finding.severity])).toEqual([
      [1, 'low'],
      [4, 'medium'],
    ]);
  });

  it('does not count a focus marker outside test files', () => {
    const findings = reviewChanges('qa', [
      modifiedFile('src/query.ts', '@@ -1 +1 @@\n+export const first = builder.only(1);\n+describe.only;'),
      addedFile('src/query.test.ts', "it('x', () => {});"),
    ]);
    expect(findings.filter((finding) => finding.ruleId === 'qa/focused-test')).toEqual([]);
  });

  it('reads the name of a deleted test that Prettier wrapped onto the next line', () => {
    const findings = reviewChanges('qa', loadChanges('qa/test-deleted/positive')).filter(
      (finding) => finding.file === 'src/orders/orders.test.ts',
    );
    expect(findings.map((finding) => [finding.line, finding.title])).toEqual([
      [
        9,
        'Test case deleted: refuses an order whose total is negative, even when a discount code is applied',
      ],
    ]);
  });

  it('reports only the removed tests that no similarly named new test replaces when a file loses tests', () => {
    const patch = [
      '@@ -3 +3 @@',
      "-it('keeps the comment within 65,536 characters and says it was cut', () => {});",
      "-it('posts one comment per area', () => {});",
      "-it('reacts with a rocket on success', () => {});",
      "+it('keeping the comment within 65,536 characters and saying it was cut, for 3,000 files', () => {});",
    ].join('\n');
    const findings = reviewChanges('qa', [modifiedFile('test/e2e/report-comment.test.ts', patch)]);
    expect(findings.map((finding) => finding.title)).toEqual([
      'Test case deleted: posts one comment per area',
      'Test case deleted: reacts with a rocket on success',
    ]);
  });

  it('still reports a deleted test file that asserts something', () => {
    const findings = reviewChanges('qa', [
      removedFile('test/orders.test.ts', "it('totals', () => {\n  expect(total([1])).toBe(1);\n});"),
    ]);
    expect(findings.map((finding) => finding.title)).toEqual(['Test file deleted']);
  });
});
