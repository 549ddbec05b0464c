import { describe, expect, it } from 'vitest';
import {
  MARKER_STAMP_ROOM,
  compareVersions,
  hasMarker,
  readMarker,
  renderMarker,
  stampMarker,
} from '../../src/report/comment-marker.js';

const SHA_A = 'a'.repeat(40);
const SHA_B = 'b'.repeat(40);

describe('the hidden comment marker', () => {
  it('carries the head commit and the time after the name, and reads them back', () => {
    const marker = renderMarker('report', { sha: SHA_A, at: '2026-12-05T10:00:00Z' });
    expect(marker).toBe(`<!-- backend-developer:report sha=${SHA_A} at=2026-12-05T10:00:00Z -->`);
    expect(readMarker(`${marker}\n## Report`)).toEqual({
      name: 'report',
      version: { sha: SHA_A, at: '2026-12-05T10:00:00Z' },
    });
  });

  it('finds bare markers of earlier versions and area markers, and nothing in other text', () => {
    expect(hasMarker('<!-- backend-developer:report -->\n## Old report', 'report')).toBe(true);
    expect(readMarker('<!-- backend-developer:report -->\nx')).toEqual({ name: 'report' });
    expect(hasMarker(`<!-- backend-developer:review:security sha=${SHA_A} -->`, 'review:security')).toBe(
      true,
    );
    expect(hasMarker(`<!-- backend-developer:review:security sha=${SHA_A} -->`, 'review:qa')).toBe(false);
    expect(hasMarker('Quoting <!-- backend-developer:report --> in a reply', 'report')).toBe(false);
    expect(hasMarker('<!-- backend-developer:reporting -->', 'report')).toBe(false);
  });

  it('leaves out an attribute value that could break out of the comment', () => {
    expect(renderMarker('report', { sha: 'x --> <img>', at: '2026-12-05T10:00:00Z' })).toBe(
      '<!-- backend-developer:report at=2026-12-05T10:00:00Z -->',
    );
  });

  it('grows a body by less than the room kept for the stamp', () => {
    const version = { sha: SHA_A, at: '2026-12-05T10:00:00Z' };
    const grown = stampMarker(
      '<!-- backend-developer:review:code-review -->\nx',
      'review:code-review',
      version,
    );
    expect(grown.length - '<!-- backend-developer:review:code-review -->\nx'.length).toBeLessThan(
      MARKER_STAMP_ROOM,
    );
  });

  it('stamps a version into a body that opens with the bare marker, replacing it', () => {
    const body = stampMarker('<!-- backend-developer:report -->\n## Report', 'report', { sha: SHA_B });
    expect(body).toBe(`<!-- backend-developer:report sha=${SHA_B} -->\n## Report`);
    expect(stampMarker(body, 'report', { sha: SHA_A })).toBe(
      `<!-- backend-developer:report sha=${SHA_A} -->\n## Report`,
    );
  });
});

describe('compareVersions', () => {
  const ours = { sha: SHA_A, at: '2026-12-05T10:00:05Z' };

  it('orders different commits by when the pull request last changed', () => {
    expect(compareVersions(ours, { sha: SHA_B, at: '2026-12-05T10:00:00Z' })).toBe('ours-newer');
    expect(compareVersions(ours, { sha: SHA_B, at: '2026-12-05T10:00:09Z' })).toBe('theirs-newer');
  });

  it('lets any run write over the same commit, and over a comment without a version', () => {
    expect(compareVersions(ours, { sha: SHA_A, at: '2026-12-05T11:00:00Z' })).toBe('same-commit');
    expect(compareVersions(ours, undefined)).toBe('ours-newer');
  });

  it('cannot order different commits seen at the same second or without a time', () => {
    expect(compareVersions(ours, { sha: SHA_B, at: '2026-12-05T10:00:05Z' })).toBe('unknown');
    expect(compareVersions(ours, { sha: SHA_B })).toBe('unknown');
    expect(compareVersions({ sha: SHA_A }, { sha: SHA_B, at: '2026-12-05T10:00:00Z' })).toBe('unknown');
  });
});
