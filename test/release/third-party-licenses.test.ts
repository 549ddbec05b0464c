import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// `npm test` builds dist/ first; check-dist keeps the committed copy equal to the build.
const licences = readFileSync('dist/licenses.txt', 'utf8');
const entries = licences.split(/\n-{72}\n/).slice(1);
const entryOf = (name: string) => entries.find((entry) => entry.trimStart().startsWith(`${name}@`));

function installedVersion(name: string): string {
  return (JSON.parse(readFileSync(`node_modules/${name}/package.json`, 'utf8')) as { version: string })
    .version;
}

describe('dist/licenses.txt', () => {
  it('carries the licence text of bundled dependencies, at the installed version', () => {
    for (const name of ['@actions/core', '@octokit/plugin-retry', '@anthropic-ai/sdk', 'yaml', 'zod']) {
      const entry = entryOf(name);
      expect(entry, name).toBeDefined();
      expect(entry).toContain(`${name}@${installedVersion(name)}\n`);
      expect(entry).toMatch(
        /Permission is hereby granted|Licensed under the Apache License|Permission to use, copy/,
      );
    }
  });

  it('lists only what is bundled: no build or test tools', () => {
    for (const tool of ['esbuild', 'vitest', 'prettier', 'typescript', '@stoplight/prism-cli'])
      expect(entryOf(tool), tool).toBeUndefined();
  });

  it('says so where a bundled package declares no licence', () => {
    expect(entryOf('buffers')).toContain('No licence text or declaration');
  });

  it('counts the packages it lists', () => {
    expect(licences).toMatch(new RegExp(`\\(${entries.length} packages\\)`));
  });
});
