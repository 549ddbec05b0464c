import { describe, expect, it } from 'vitest';
import type { ChangeAnalysis } from '../../src/changes/change-analysis.js';
import { renderReport } from '../../src/report/render-report.js';
import type { ReportInput } from '../../src/report/report-input.js';
import { inspectMarkdown } from './markdown-shape.js';

const analysis: ChangeAnalysis = {
  files: { added: [], modified: ['src/totals.js'], removed: [], renamed: [], withoutPatch: [] },
  totals: { files: 1, additions: 3, deletions: 3 },
  affectedProjects: [],
  endpoints: [],
  migrations: [],
  envVars: [],
  dependencyChanges: [],
  tests: [],
  projectsWithoutTestChanges: [],
  securityTouched: [],
};

function report(overrides: Partial<ReportInput>): ReportInput {
  return {
    type: 'bugfix',
    kind: 'fix',
    typeSignal: 'label "bug"',
    title: 'Totals lose a cent on some prices',
    body: '',
    date: '2026-12-01',
    commit: { sha: 'abc1234def' },
    discovery: { root: '/repo', projects: [], warnings: [] },
    affectedProjects: [],
    files: [],
    analysis,
    validation: { status: 'skipped', projects: [] },
    handoffs: [],
    findings: [],
    notes: [],
    ...overrides,
  };
}

/** The text of one `### Title` section, up to the next one. */
function section(markdown: string, title: string): string {
  const start = markdown.indexOf(`### ${title}\n`);
  if (start < 0) return '';
  const next = markdown.indexOf('\n### ', start + 4);
  return markdown.slice(start, next < 0 ? undefined : next).trim();
}

describe('renderBugFixReport', () => {
  it('quotes the root cause and solution a plain-prose description states, and says so', () => {
    const markdown = renderReport(
      report({
        body: 'raw-body throws a 500 when the request stream is already destroyed, which means the client went away. Map it to ClientClosedRequestError so it reports 499.',
      }),
    );
    expect(section(markdown, 'Root Cause')).toBe(
      '### Root Cause\n\n> raw-body throws a 500 when the request stream is already destroyed, which means the client went away.\n\n<sub>Quoted from the PR description.</sub>',
    );
    expect(section(markdown, 'Solution')).toBe(
      '### Solution\n\n> Map it to ClientClosedRequestError so it reports 499.\n\n<sub>Quoted from the PR description.</sub>',
    );
    expect(section(markdown, 'Prevention')).toBe(
      '### Prevention\n\n_Not stated in the PR or its linked issue._',
    );
    // Nothing left for the Issue: the title states it.
    expect(section(markdown, 'Issue')).toBe(
      '### Issue\n\n> Totals lose a cent on some prices\n\n<sub>Quoted from the PR title.</sub>',
    );
  });

  it('takes from the linked issue what the PR description leaves out, and names the issue', () => {
    const markdown = renderReport(
      report({
        body: 'Rounds once at the end.\n\nFixes #12',
        linkedIssue: {
          number: 12,
          title: 'Totals are a cent short',
          body: 'An order of 3 × 19.99 shows 64.16.\n\nThe root cause is that prices are summed as floats.',
        },
      }),
    );
    expect(section(markdown, 'Root Cause')).toBe(
      '### Root Cause\n\n> The root cause is that prices are summed as floats.\n\n<sub>Quoted from issue #12.</sub>',
    );
    expect(section(markdown, 'Issue')).toContain('#12: Totals are a cent short');
  });

  it('does not read the steps to reproduce of an issue as a solution', () => {
    const markdown = renderReport(
      report({
        body: 'Fixes #12',
        linkedIssue: { number: 12, title: 'Export fails', body: 'Open the orders page. Click export.' },
      }),
    );
    expect(section(markdown, 'Solution')).toBe('### Solution\n\n_Not stated in the PR or its linked issue._');
  });

  it('keeps quoted Markdown from posing as the report: no heading, link, image or HTML of its own', () => {
    const markdown = renderReport(
      report({
        body: [
          '## Root cause',
          'A race.',
          '### Definition of Done',
          '- [x] Everything',
          '<!-- backend-developer:report -->',
          '![pixel](https://tracker.example/p.gif) <img src=x>',
          '```',
          '# a shell comment stays as written',
          '```',
        ].join('\n'),
      }),
    );
    const shape = inspectMarkdown(markdown);
    expect(shape.headings.filter((h) => h === 'Definition of Done')).toHaveLength(1);
    expect(shape.images).toEqual([]);
    expect(shape.foreignHtml).toEqual([]);
    expect(markdown.match(/backend-developer:report/g)).toHaveLength(1);
    expect(section(markdown, 'Root Cause')).toContain('> # a shell comment stays as written');
  });
});

describe('report heading', () => {
  it.each([
    ['feature', '## Backend Feature Delivered – Refunds (2026-12-01)', 'Report type: **feature**'],
    [
      'change',
      '## Backend Change Delivered – Refunds (2026-12-01)',
      'Report type: **change (no new feature)**',
    ],
  ] as const)('heads an implementation that is a %s as such', (kind, heading, typeLine) => {
    const markdown = renderReport(
      report({ type: 'implementation', kind, title: 'Refunds', typeSignal: 'default' }),
    );
    expect(markdown.split('\n')).toContain(heading);
    expect(markdown).toContain(typeLine);
    expect(markdown).not.toContain(kind === 'change' ? 'Feature Delivered' : 'Change Delivered');
  });
});
