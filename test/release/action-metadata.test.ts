import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

interface Workflow {
  on: { pull_request?: unknown };
  jobs: Record<string, { steps: { uses?: string; with?: Record<string, unknown> }[] }>;
}

describe('what the Marketplace and users read', () => {
  const action = parse(readFileSync('action.yml', 'utf8')) as {
    description: string;
    author: string;
    runs: { using: string };
  };

  it('keeps the action description under the Marketplace limit of 125 characters', () => {
    expect(action.description.length).toBeLessThan(125);
  });

  it('names an author and ships the MIT licence package.json declares', () => {
    const manifest = JSON.parse(readFileSync('package.json', 'utf8')) as { license: string; author: string };
    expect(action.author).toBe(manifest.author);
    expect(action.author).not.toBe('backend-developer-action');
    expect(manifest.license).toBe('MIT');
    expect(readFileSync('LICENSE', 'utf8')).toMatch(/^MIT License\n\nCopyright \(c\) \d{4} /);
  });

  it("runs the repository's own action on its pull requests, without validation", () => {
    const workflow = parse(readFileSync('.github/workflows/self-test.yml', 'utf8')) as Workflow;
    expect(workflow.on.pull_request).toBeDefined();
    const steps = Object.values(workflow.jobs).flatMap((job) => job.steps);
    const self = steps.find((step) => step.uses === './');
    expect(self?.with).toMatchObject({ validate: 'none' });
    expect(steps.findIndex((step) => step.uses?.startsWith('actions/checkout@'))).toBeLessThan(
      steps.indexOf(self!),
    );
  });
});
