import { it } from 'vitest';
import { readdirSync } from 'node:fs';
import { reviewChanges } from '../../src/handoffs/review-changes.js';
import { FIXTURES, loadChanges, ruleFixtures } from './fixture-changes.js';
import type { HandoffArea } from '../../src/handoffs/handoff-area.js';

it('dumps', () => {
  const areas = (process.env.AREAS ?? '').split(',').filter(Boolean);
  for (const area of areas.length ? areas : readdirSync(FIXTURES)) {
    for (const rule of ruleFixtures(area)) {
      for (const kind of ['positive', 'negative']) {
        const findings = reviewChanges(area as HandoffArea, loadChanges(`${area}/${rule}/${kind}`));
        console.log(
          `## ${area}/${rule}/${kind}\n` +
            findings
              .map(
                (f) =>
                  `  ${f.ruleId} ${f.severity} ${f.file}:${f.line}${f.side ? ' ' + f.side : ''} ${f.title} — ${f.explanation}`,
              )
              .join('\n'),
        );
      }
    }
  }
});
