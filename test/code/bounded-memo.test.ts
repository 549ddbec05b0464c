import { describe, expect, it } from 'vitest';
import { createBoundedMemo } from '../../src/code/bounded-memo.js';

describe('bounded memo', () => {
  it('works a key out once, false values included, and drops the oldest past its size', () => {
    const memo = createBoundedMemo<boolean>(2);
    let calls = 0;
    const work = (key: string) => {
      calls++;
      return key === 'yes';
    };
    expect(memo.of('no', work)).toBe(false);
    expect(memo.of('no', work)).toBe(false);
    expect(calls).toBe(1);
    memo.of('yes', work);
    memo.of('third', work);
    expect(memo.get('no')).toBeUndefined();
    expect(memo.get('yes')).toBe(true);
    expect(memo.get('third')).toBe(false);
    expect(calls).toBe(3);
  });
});
