import { describe, expect, it } from 'vitest';
import { estimateTokens } from '../../src/prompts/estimate-tokens.js';
import { createInputTokenBudget } from '../../src/prompts/input-token-budget.js';

describe('estimateTokens', () => {
  it('counts ASCII at three characters a token and every other character as a token', () => {
    expect(estimateTokens('')).toBe(0);
    expect(estimateTokens('abcdef')).toBe(2);
    expect(estimateTokens('abcdefg')).toBe(3);
    expect(estimateTokens('注文')).toBe(2);
  });
});

describe('createInputTokenBudget', () => {
  it('refuses a reservation that would pass the limit', () => {
    const budget = createInputTokenBudget(100);
    expect(budget.reserve(60)).toBeDefined();
    expect(budget.reserve(50)).toBeUndefined();
    expect(budget.used()).toBe(60);
    expect(budget.remaining()).toBe(40);
  });

  it('replaces the estimate with the reported usage once, and keeps it when usage is unknown', () => {
    const budget = createInputTokenBudget(1_000);
    const first = budget.reserve(300);
    first?.settle(120);
    first?.settle(999);
    expect(budget.used()).toBe(120);
    budget.reserve(200)?.settle(undefined);
    expect(budget.used()).toBe(320);
  });
});
