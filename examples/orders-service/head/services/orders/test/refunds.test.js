import { test } from 'node:test';
import assert from 'node:assert/strict';
import { refundable } from '../src/refunds.js';

test('refundable never goes below zero', () => {
  assert.equal(refundable(500, 700), 0);
});

test('refundable is what is left of the total', () => {
  assert.equal(refundable(500, 200), 300);
});
