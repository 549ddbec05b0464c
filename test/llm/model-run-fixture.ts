import { readFileSync } from 'node:fs';
import type { ChangedFile } from '../../src/code/diff/changed-file.js';
import type { HandoffArea } from '../../src/handoffs/handoff-area.js';
import { prepareModelRun, type ModelRun } from '../../src/prompts/prepare-model-run.js';

export const FIXED_TOKEN = '0123456789abcdef0123456789abcdef';
export const TEST_KEY = 'sk-ant-api03-test-key-that-must-never-leak-0000';

/** Reads a fixture of this area as text. */
export function readFixture(name: string): string {
  return readFileSync(new URL(`../fixtures/llm/${name}`, import.meta.url), 'utf8');
}

/** The orders route change every adapter test reviews. */
export function ordersRouteFile(): ChangedFile {
  return {
    path: 'src/orders/list-orders.ts',
    status: 'modified',
    additions: 4,
    deletions: 1,
    patch: readFixture('orders-route.patch'),
  };
}

/** A run over the orders change, with a fixed delimiter token. */
export function ordersRun(options: { areas?: HandoffArea[]; maxInputTokens?: number } = {}): ModelRun {
  return prepareModelRun({
    pullRequest: {
      title: 'Filter orders by status',
      body: 'Adds a status filter.',
      commitMessages: ['Add status filter'],
    },
    files: [ordersRouteFile()],
    areas: options.areas ?? ['security'],
    includeNarrative: true,
    reportType: 'implementation',
    maxInputTokens: options.maxInputTokens ?? 100_000,
    runToken: FIXED_TOKEN,
  });
}
