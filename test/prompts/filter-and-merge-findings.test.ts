import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/handoffs/finding.js';
import { convertModelFindings } from '../../src/prompts/convert-model-findings.js';
import { filterModelFindings } from '../../src/prompts/filter-model-findings.js';
import type { ModelFinding } from '../../src/prompts/finding-schema.js';
import { mergeFindings } from '../../src/prompts/merge-findings.js';

const added = new Map([['src/a.ts', new Set([10, 11])]]);

function modelFinding(overrides: Partial<ModelFinding> = {}): ModelFinding {
  return {
    file: 'src/a.ts',
    line: 10,
    severity: 'high',
    category: 'sql-injection',
    title: 'Query built from input',
    explanation: 'Input reaches SQL.',
    recommendation: 'Bind it.',
    confidence: 0.9,
    ...overrides,
  };
}

function ruleFinding(overrides: Partial<Finding> = {}): Finding {
  return {
    area: 'security',
    ruleId: 'security/sql-concatenation',
    severity: 'high',
    file: 'src/a.ts',
    line: 10,
    title: 'SQL built by concatenation',
    explanation: 'x',
    recommendation: 'y',
    origin: 'rule',
    ...overrides,
  };
}

describe('filterModelFindings', () => {
  it('keeps a confident finding on an added line', () => {
    expect(filterModelFindings([modelFinding()], added).kept).toHaveLength(1);
  });

  it('drops findings on lines or files the pull request did not add', () => {
    const result = filterModelFindings(
      [modelFinding({ line: 12 }), modelFinding({ file: 'src/b.ts' })],
      added,
    );
    expect(result.kept).toEqual([]);
    expect(result.dropped.map((d) => d.reason)).toEqual(['outside-diff', 'outside-diff']);
  });

  it('drops findings below the confidence threshold, 0.8 unless told otherwise', () => {
    expect(filterModelFindings([modelFinding({ confidence: 0.79 })], added).dropped[0]?.reason).toBe(
      'low-confidence',
    );
    expect(
      filterModelFindings([modelFinding({ confidence: 0.6 })], added, { minConfidence: 0.5 }).kept,
    ).toHaveLength(1);
  });

  it.each([
    'Add rate limiting to this endpoint',
    'Missing logging for failed requests',
    'Consider adding unit tests',
    'No tests for the new handler',
    'Add documentation comments',
    'Consider extracting a helper',
  ])('drops generic advice: %s', (title) => {
    expect(filterModelFindings([modelFinding({ title })], added).dropped[0]?.reason).toBe('generic-advice');
  });

  it('keeps a specific finding that merely mentions logs', () => {
    const title = 'Password written to the request log';
    expect(
      filterModelFindings([modelFinding({ title, category: 'sensitive-data' })], added).kept,
    ).toHaveLength(1);
  });
});

describe('convertModelFindings', () => {
  it('maps to report findings with a model rule id, the reviewed area and the confidence', () => {
    const [finding] = convertModelFindings('database', [modelFinding({ category: 'Missing Index!' })]);
    expect(finding).toMatchObject({
      area: 'database',
      ruleId: 'model:missing-index',
      origin: 'model',
      confidence: 0.9,
    });
  });
});

describe('mergeFindings', () => {
  it('keeps the rule finding when the model reports the same problem on the same line', () => {
    const model = convertModelFindings('security', [modelFinding()]);
    expect(mergeFindings([ruleFinding()], model)).toEqual([ruleFinding()]);
  });

  it('treats findings of different areas on one line as the same problem when their rule ids share a word', () => {
    const model = convertModelFindings('database', [modelFinding({ category: 'sql-concatenation' })]);
    expect(mergeFindings([ruleFinding()], model)).toHaveLength(1);
  });

  it('keeps model findings on other lines, and drops a model finding repeated by the model', () => {
    const model = convertModelFindings('security', [modelFinding({ line: 11 }), modelFinding({ line: 11 })]);
    expect(mergeFindings([ruleFinding()], model).map((f) => `${f.origin}:${f.line}`)).toEqual([
      'rule:10',
      'model:11',
    ]);
  });
});
