import { describe, expect, it } from 'vitest';
import { extractPrSections } from '../../src/report/extract-pr-sections.js';

describe('extractPrSections', () => {
  it('reads sections by heading, up to the next heading of the same level', () => {
    const body = [
      '## Problem',
      'Totals were off by one cent.',
      '',
      '## Root cause',
      'Floats were used for money.',
      '### Details',
      'See `totals.js`.',
      '## Unrelated',
      'Nothing to see.',
    ].join('\n');
    expect(extractPrSections(body)).toEqual({
      issue: 'Totals were off by one cent.',
      rootCause: 'Floats were used for money.\n\n### Details\n\nSee `totals.js`.',
    });
  });

  it('reads bold labels', () => {
    const body =
      '**Root cause:** a race in the cache.\n\n**Fix:** lock around refresh.\n\n**Prevention**: a regression test.';
    expect(extractPrSections(body)).toEqual({
      rootCause: 'a race in the cache.',
      solution: 'lock around refresh.',
      prevention: 'a regression test.',
    });
  });

  it('ignores headings inside code blocks and returns nothing for a plain body', () => {
    expect(extractPrSections('```md\n## Root cause\nnot real\n```')).toEqual({});
    expect(extractPrSections('Fixes the thing.')).toEqual({});
  });
});
