import { test } from 'node:test';
import assert from 'node:assert/strict';
import { orderTotal } from '../src/totals.js';

test('sums quantity times unit price', () => {
  assert.equal(orderTotal([{ unitPrice: 250, quantity: 2 }, { unitPrice: 100, quantity: 1 }]), 600);
});

test('an empty order costs nothing', () => {
  assert.equal(orderTotal([]), 0);
});
