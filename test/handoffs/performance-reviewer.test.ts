import './load-all-grammars.js';
import { describe, expect, it } from 'vitest';
import { reviewChanges } from '../../src/handoffs/review-changes.js';
import { loadChanges, loadFixture, reviewAnalysed } from './fixture-changes.js';
import { describeRuleFixtures } from './rule-fixture-cases.js';

describeRuleFixtures('performance', {}, { exact: true });

describe('performance review', () => {
  it('points at the query inside the loop, not at the loop', () => {
    const findings = reviewChanges('performance', loadChanges('performance/query-in-loop/positive')).filter(
      (finding) => finding.file === 'src/orders/service.ts',
    );
    expect(findings.map((finding) => finding.line)).toEqual([4, 7]);
  });

  it('trusts MySQL to index foreign keys itself', async () => {
    const changes = loadChanges('performance/foreign-key-without-index/positive');
    const onMysql = await reviewAnalysed('performance', changes, { databases: ['mysql'] });
    const onPostgres = await reviewAnalysed('performance', changes, { databases: ['postgresql', 'redis'] });
    expect(onMysql.filter((finding) => finding.ruleId === 'performance/foreign-key-without-index')).toEqual(
      [],
    );
    const marked = loadFixture('performance/foreign-key-without-index/positive').expected;
    expect(
      onPostgres
        .filter((finding) => finding.ruleId === 'performance/foreign-key-without-index')
        .map((finding) => `${finding.file}:${finding.line}`),
    ).toEqual(marked.map((at) => `${at.file}:${at.line}`).sort());
  });

  it('names the foreign-key column', async () => {
    const [finding] = (
      await reviewAnalysed('performance', loadChanges('performance/foreign-key-without-index/positive'))
    ).filter((f) => f.file.endsWith('.sql'));
    expect(finding?.title).toBe('Foreign key `user_id` without an index');
  });
});
