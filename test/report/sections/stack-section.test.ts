import { describe, expect, it } from 'vitest';
import type { Project } from '../../../src/discovery/project.js';
import { renderStackSection } from '../../../src/report/sections/stack-section.js';

function project(path: string, overrides: Partial<Project> = {}): Project {
  return {
    path,
    language: 'typescript',
    languageVersion: null,
    packageManager: 'pnpm',
    frameworks: [],
    databases: [],
    orms: [],
    testFrameworks: [],
    linters: [],
    commands: {},
    workspace: null,
    dockerfiles: [],
    dependencies: [],
    ...overrides,
  };
}

function render(projects: Project[], affectedProjects: string[]): string {
  return renderStackSection({ discovery: { root: '/repo', projects, warnings: [] }, affectedProjects });
}

describe('renderStackSection', () => {
  it('puts workspace members under a line naming their workspace, after the standalone projects', () => {
    const members = Array.from({ length: 12 }, (_, i) =>
      project(`packages/lib-${String(i).padStart(2, '0')}`, { workspace: '.' }),
    );
    const text = render(
      [
        project('tools/cli', { language: 'go', packageManager: 'go' }),
        project('apps/api', { workspace: '.' }),
        ...members,
      ],
      ['apps/api'],
    );
    const lines = text.split('\n');
    const heading = lines.indexOf('**Workspace `.`** (pnpm): 13 projects, 1 touched.');
    expect(heading).toBeGreaterThan(lines.findIndex((line) => line.startsWith('| `tools/cli`')));
    // The touched member leads its workspace's table; the members past eight are folded.
    expect(lines[heading + 4]).toMatch(/^\| `apps\/api` ✏️ \|/);
    expect(text).toContain('<details><summary>5 more projects</summary>');
  });

  it('keeps one plain table when no project belongs to a workspace', () => {
    const text = render([project('api'), project('web')], []);
    expect(text).not.toContain('**Workspace');
    expect(text.match(/^\| Project \|/gm)).toHaveLength(1);
  });

  it('draws the members of a workspace inside a mermaid subgraph named after it', () => {
    const text = render(
      [
        project('services/orders', { workspace: '.', databases: ['postgresql'] }),
        project('services/billing', { workspace: '.' }),
        project('tools/migrator', { language: 'go' }),
      ],
      [],
    );
    expect(text).toContain(
      [
        '  p2["tools/migrator · go"]',
        '  subgraph w1["workspace ."]',
        '    p0["services/orders · typescript"]',
        '    p1["services/billing · typescript"]',
        '  end',
      ].join('\n'),
    );
    expect(text).toContain('  p0 --> d0');
  });
});
