import { describe, expect, it } from 'vitest';
import { fitCommentBody, GITHUB_BODY_LIMIT } from '../../src/report/fit-comment-body.js';

const section = (title: string, size: number) => `### ${title}\n\n${'x'.repeat(size)}`;

describe('fitCommentBody', () => {
  it('returns a body that fits unchanged', () => {
    const body = `intro\n\n${section('A', 100)}`;
    expect(fitCommentBody(body)).toBe(body);
  });

  it('cuts at a section boundary and says so, within the limit', () => {
    const body = [
      '<!-- marker -->\n## Title',
      section('Stack', 20_000),
      section('Files', 30_000),
      section('Tests', 30_000),
      section('Done', 100),
    ].join('\n\n');
    const fitted = fitCommentBody(body, 'https://github.com/o/r/actions/runs/1');
    expect(fitted.length).toBeLessThanOrEqual(GITHUB_BODY_LIMIT);
    expect(fitted).toContain('### Files');
    expect(fitted).not.toContain('### Tests');
    expect(fitted).toContain('2 sections were left out');
    expect(fitted).toContain('[job summary](https://github.com/o/r/actions/runs/1)');
    expect(fitted.startsWith('<!-- marker -->')).toBe(true);
  });

  it('cuts a single huge section at a line and closes open details and fences', () => {
    const lines = Array.from({ length: 20_000 }, (_, i) => `- file-${i}.ts`).join('\n');
    const body = `<!-- m -->\n### Files\n<details><summary>all</summary>\n\n\`\`\`text\n${lines}`;
    const fitted = fitCommentBody(body);
    expect(fitted.length).toBeLessThanOrEqual(GITHUB_BODY_LIMIT);
    expect((fitted.match(/```/g) ?? []).length % 2).toBe(0);
    expect(fitted.match(/<details>/g)?.length).toBe(fitted.match(/<\/details>/g)?.length);
  });
});
