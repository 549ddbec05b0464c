import { describe, expect, it } from 'vitest';
import type { DiscoveryResult } from '../../src/discovery/project.js';
import { renderDiscoveryTable } from '../../src/discovery/render-discovery-table.js';

const result: DiscoveryResult = {
  root: '/repo',
  projects: [
    {
      path: 'services/api',
      language: 'typescript',
      languageVersion: { value: '20', source: '.nvmrc' },
      packageManager: 'pnpm',
      frameworks: [{ name: 'express', version: '4.18.2', constraint: '^4.18.1', source: 'pnpm-lock.yaml' }],
      databases: ['postgresql', 'redis'],
      orms: ['prisma'],
      testFrameworks: ['vitest'],
      linters: ['eslint'],
      commands: {
        install: { run: 'pnpm install --frozen-lockfile', source: 'pnpm-lock.yaml' },
        test: { run: 'pnpm test', source: 'services/api/package.json scripts.test' },
        lint: { run: 'npx eslint .', source: 'services/api/package.json', suggested: true },
      },
      dockerfiles: [],
      dependencies: [],
    },
  ],
  warnings: [{ file: 'services/web/package.json', message: 'invalid JSON at line 3: Unexpected token' }],
};

describe('renderDiscoveryTable', () => {
  it('prints one aligned row per project, its commands with their sources, and the warnings', () => {
    expect(renderDiscoveryTable(result)).toBe(
      [
        'Repository: /repo',
        '',
        'PATH          LANGUAGE       PACKAGE MANAGER  FRAMEWORKS      DATA STORES        TESTS   LINTERS',
        'services/api  typescript 20  pnpm             express 4.18.2  postgresql, redis  vitest  eslint',
        '',
        'Commands:',
        '  services/api  install  pnpm install --frozen-lockfile  (pnpm-lock.yaml)',
        '                test     pnpm test                       (services/api/package.json scripts.test)',
        '                lint     npx eslint .                    (suggested, services/api/package.json)',
        '',
        'Warnings:',
        '  services/web/package.json: invalid JSON at line 3: Unexpected token',
      ].join('\n'),
    );
  });

  it('says so when no project was found', () => {
    expect(renderDiscoveryTable({ root: '/empty', projects: [], warnings: [] })).toBe(
      'Repository: /empty\n\nNo projects found.',
    );
  });
});
