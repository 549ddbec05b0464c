import { describe, expect, it } from 'vitest';
import { HANDOFF_AREAS } from '../../src/handoffs/handoff-area.js';
import { areaForLabel, HANDOFF_CATALOG, labelFor } from '../../src/handoffs/handoff-catalog.js';

describe('handoff catalog', () => {
  it('describes every area with a title, a six-digit colour and a label description GitHub accepts', () => {
    for (const area of HANDOFF_AREAS) {
      const info = HANDOFF_CATALOG[area];
      expect(info.title.length).toBeGreaterThan(0);
      expect(info.color).toMatch(/^[0-9a-f]{6}$/);
      expect(info.description.length).toBeLessThanOrEqual(100);
      expect(info.defaultLabel).toBe(`handoff:${area}`);
    }
  });

  it('uses handoff:<area> unless the config names another label', () => {
    expect(labelFor('security')).toBe('handoff:security');
    expect(labelFor('security', { security: { label: 'needs-security-review' } })).toBe(
      'needs-security-review',
    );
    expect(labelFor('qa', { security: { label: 'needs-security-review' } })).toBe('handoff:qa');
  });

  it('finds the area a label requests, ignoring case, and nothing for other labels', () => {
    expect(areaForLabel('Handoff:API-Design')).toBe('api-design');
    expect(areaForLabel('needs-security-review', { security: { label: 'needs-security-review' } })).toBe(
      'security',
    );
    expect(areaForLabel('handoff:security', { security: { label: 'needs-security-review' } })).toBeNull();
    expect(areaForLabel('bug')).toBeNull();
  });
});
