import { inferredField } from '../../src/report/stated-sentences.js';
import { describe, expect, it } from 'vitest';
import { extractPrSections, readStatedFields } from '../../src/report/extract-pr-sections.js';

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

describe('readStatedFields', () => {
  it('reads plain labels, several in one paragraph, and labels in a list', () => {
    expect(
      readStatedFields('Root cause: the cache key ignored the locale.\nFix: add the locale to the key.')
        .fields,
    ).toEqual({
      rootCause: 'the cache key ignored the locale.',
      solution: 'add the locale to the key.',
    });
    expect(
      readStatedFields('- Cause: a race in refresh\n- Solution: lock around it\n- Other: nothing').fields,
    ).toEqual({
      rootCause: 'a race in refresh',
      solution: 'lock around it',
    });
  });

  it('reads a label alone on its line as the start of a section that runs to the next heading', () => {
    const body =
      'Why this change is being made:\n\n- the state was compared before it was set\n\n## Notes\n\nnone';
    expect(readStatedFields(body).fields).toEqual({
      rootCause: '- the state was compared before it was set',
    });
  });

  it('does not read a commit subject listed in a squash-merge message as a "Fix:" label', () => {
    expect(readStatedFields('* fix: align the cookie name\n* chore: tidy').fields).toEqual({});
  });

  it.each([
    ['The problem was that the cache key ignored the locale.', 'rootCause'],
    ['The root cause is a race between refresh and logout.', 'rootCause'],
    ['This was caused by a missing index on orders.user_id.', 'rootCause'],
    ['Caused by the retry loop never resetting its counter.', 'rootCause'],
    ['The timeout was caused by a lock held across the HTTP call.', 'rootCause'],
    ['This fixes the double charge by checking the idempotency key first.', 'solution'],
    ['This PR fixes #12 by rounding once at the end.', 'solution'],
    ['Fixed by rounding once at the end.', 'solution'],
    ['The fix is to round once at the end.', 'solution'],
    ['This PR makes the refresh take the lock.', 'solution'],
    ['To prevent this, a regression test covers a price that is not exact in binary.', 'prevention'],
    ['A regression test covers a price that is not exact in binary.', 'prevention'],
  ])('reads the sentence "%s" as the %s', (sentence, field) => {
    expect(readStatedFields(`Totals were off by a cent. ${sentence}`).fields).toEqual({ [field]: sentence });
  });

  it('keeps the sentences that follow a stated field with it, and leaves the rest to the lead', () => {
    const body =
      'Totals were off by a cent. The problem was float money. It was summed as euros.\n\nThis PR fixes it by summing cents.';
    expect(readStatedFields(body)).toEqual({
      fields: {
        rootCause: 'The problem was float money. It was summed as euros.',
        solution: 'This PR fixes it by summing cents.',
      },
      lead: 'Totals were off by a cent.',
    });
  });

  it('reads plain prose of a fix only when asked: imperative sentences as the solution, consequences as the root cause', () => {
    const body =
      'raw-body throws a 500 when the stream is already destroyed, which means the client went away. Map it to ClientClosedRequestError so it reports 499.';
    expect(readStatedFields(body).fields).toEqual({});
    expect(readStatedFields(body, { inferFromProse: true }).fields).toEqual({
      rootCause:
        'raw-body throws a 500 when the stream is already destroyed, which means the client went away.',
      solution: 'Map it to ClientClosedRequestError so it reports 499.',
    });
  });

  it('reads "…, so return that" as the solution', () => {
    const body = [
      'change_plan/2 matched only 204 and 422, so a 500 from the billing service raised CaseClauseError.',
      'The controller already renders {:error, reason} as a flash, so return that and log the response.',
    ].join(' ');
    expect(readStatedFields(body, { inferFromProse: true }).fields).toEqual({
      rootCause:
        'change_plan/2 matched only 204 and 422, so a 500 from the billing service raised CaseClauseError.',
      solution:
        'The controller already renders {:error, reason} as a flash, so return that and log the response.',
    });
  });

  it('does not read a sentence that opens with a function named like a verb as an order', () => {
    expect(inferredField('report/0 keeps its hard match.')).toBeUndefined();
    expect(inferredField('Report the failure to the caller.')).toBe('solution');
  });

  it('does not take "has now happened" for what the change does now', () => {
    expect(readStatedFields('That has now happened four times.', { inferFromProse: true }).fields).toEqual(
      {},
    );
  });

  it('leaves out git trailers and closing keywords', () => {
    const body =
      'Root cause: a race.\n\nFixes #12\n\nCo-authored-by: A <a@example.com>\nSigned-off-by: B <b@example.com>';
    expect(readStatedFields(body)).toEqual({ fields: { rootCause: 'a race.' } });
  });

  it('states nothing for a description that states nothing', () => {
    expect(readStatedFields('Adds the refunds endpoint.', { inferFromProse: true })).toEqual({
      fields: {},
      lead: 'Adds the refunds endpoint.',
    });
  });
});
