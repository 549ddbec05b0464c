import { describe, expect, it } from 'vitest';
import { oncePerReview } from '../../src/handoffs/review-engine/once-per-review.js';

describe('once per review', () => {
  it('works a value out once per key object, and again for another object with the same contents', () => {
    let calls = 0;
    const count = oncePerReview((files: readonly string[]) => {
      calls++;
      return files.length;
    });
    const review = ['a.ts', 'b.ts'];
    expect(count(review)).toBe(2);
    expect(count(review)).toBe(2);
    expect(calls).toBe(1);
    expect(count([...review])).toBe(2);
    expect(calls).toBe(2);
  });
});
