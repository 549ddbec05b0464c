import { describe, expect, it } from 'vitest';
import { analyzeChanges } from '../../src/changes/analyze-changes.js';
import type { ChangedFile } from '../../src/code/diff/changed-file.js';
import { headCheckout, loadDiff, projectFrom } from './diff-fixture.js';

// A PR across four services: manifests, a lockfile-only bump, config reading new
// variables, an auth file, a new test, and docs.
const files = loadDiff('.', 'mixed');
const projects = [
  projectFrom({ path: 'services/api', language: 'typescript', frameworks: ['express'] }),
  projectFrom({ path: 'services/worker', language: 'python' }),
  projectFrom({ path: 'services/billing', language: 'go', frameworks: ['gin'] }),
  projectFrom({ path: 'services/web', language: 'javascript' }),
];
const readFile = headCheckout('.', 'mixed');

describe('analyzeChanges', () => {
  it('groups the files by what happened to them and adds up the lines', async () => {
    const renamed: ChangedFile = {
      path: 'b.ts',
      previousPath: 'a.ts',
      status: 'renamed',
      additions: 0,
      deletions: 0,
    };
    const binary: ChangedFile = {
      path: 'logo.png',
      status: 'added',
      additions: 0,
      deletions: 0,
      patchOmitted: 'binary',
    };
    const large: ChangedFile = { path: 'big.sql', status: 'modified', additions: 9000, deletions: 10 };
    const analysis = await analyzeChanges({ files: [...files, renamed, binary, large], projects: [] });
    expect(analysis.files).toEqual({
      added: ['services/api/test/config.test.ts', 'logo.png'],
      modified: [
        'docs/setup.md',
        'services/api/.env.example',
        'services/api/package.json',
        'services/api/src/auth/session.ts',
        'services/api/src/config.ts',
        'services/billing/go.mod',
        'services/billing/main.go',
        'services/web/package-lock.json',
        'services/worker/requirements.txt',
        'services/worker/worker/tasks.py',
        'big.sql',
      ],
      removed: [],
      renamed: [{ from: 'a.ts', to: 'b.ts' }],
      withoutPatch: [
        { path: 'logo.png', reason: 'binary' },
        { path: 'big.sql', reason: 'too-large' },
      ],
    });
    expect(analysis.totals).toEqual({ files: 14, additions: 9028, deletions: 23 });
  });

  it('lists the projects touched, each file counted in the deepest project containing it', async () => {
    const nested = [...projects, projectFrom({ path: '.', language: 'typescript' })];
    expect((await analyzeChanges({ files, projects: nested })).affectedProjects).toEqual([
      '.',
      'services/api',
      'services/billing',
      'services/web',
      'services/worker',
    ]);
    expect((await analyzeChanges({ files, projects })).affectedProjects).toEqual([
      'services/api',
      'services/billing',
      'services/web',
      'services/worker',
    ]);
  });

  it('counts a renamed file in the projects of both its paths', async () => {
    const moved: ChangedFile = {
      path: 'services/web/util.js',
      previousPath: 'services/api/src/util.ts',
      status: 'renamed',
      additions: 0,
      deletions: 0,
    };
    expect((await analyzeChanges({ files: [moved], projects })).affectedProjects).toEqual([
      'services/api',
      'services/web',
    ]);
  });

  it('finds new environment variables, and which ones documentation mentions', async () => {
    const names = (analysis: Awaited<ReturnType<typeof analyzeChanges>>) =>
      analysis.envVars.map((envVar) => [
        envVar.name,
        envVar.project,
        envVar.line,
        envVar.documentedIn ?? null,
      ]);
    const withCheckout = [
      ['STRIPE_KEY', 'services/api', 4, 'services/api/.env.example'],
      ['REDIS_URL', 'services/api', 5, null],
      ['SMTP_HOST', 'services/api', 9, null],
      ['SMTP_PORT', 'services/api', 9, null],
      ['BILLING_PORT', 'services/billing', 7, null],
      ['BROKER_URL', 'services/worker', 5, 'docs/setup.md'],
      ['SENTRY_DSN', 'services/worker', 6, 'services/worker/README.md'],
    ];
    expect(await names(await analyzeChanges({ files, projects, readFile }))).toEqual(withCheckout);
    // Without a checkout the README (not in the diff) cannot be read.
    const diffOnly = (await analyzeChanges({ files, projects })).envVars;
    expect(diffOnly.find((envVar) => envVar.name === 'SENTRY_DSN')?.documented).toBe(false);
    expect(diffOnly[0]).toEqual({
      name: 'STRIPE_KEY',
      file: 'services/api/src/config.ts',
      line: 4,
      language: 'typescript',
      documented: true,
      documentedIn: 'services/api/.env.example',
      project: 'services/api',
    });
  });

  it('reads dependency changes from manifests, and from a lockfile only where no manifest changed', async () => {
    const changes = (await analyzeChanges({ files, projects })).dependencyChanges;
    expect(changes).toEqual([
      {
        project: 'services/api',
        manifest: 'services/api/package.json',
        name: 'express',
        from: '^4.18.2',
        to: '^5.0.1',
        change: 'upgraded',
        major: true,
      },
      {
        project: 'services/api',
        manifest: 'services/api/package.json',
        name: 'lodash',
        from: '^4.17.21',
        to: null,
        change: 'removed',
        major: false,
      },
      {
        project: 'services/api',
        manifest: 'services/api/package.json',
        name: 'vitest',
        from: '^1.6.0',
        to: '^2.0.5',
        change: 'upgraded',
        major: true,
        scope: 'dev',
      },
      {
        project: 'services/api',
        manifest: 'services/api/package.json',
        name: 'zod',
        from: null,
        to: '^3.23.8',
        change: 'added',
        major: false,
      },
      {
        project: 'services/billing',
        manifest: 'services/billing/go.mod',
        name: 'github.com/gin-gonic/gin',
        from: 'v1.9.0',
        to: 'v1.9.1',
        change: 'upgraded',
        major: false,
      },
      {
        project: 'services/billing',
        manifest: 'services/billing/go.mod',
        name: 'github.com/stripe/stripe-go/v76',
        from: 'v74.0.0',
        to: 'v76.1.0',
        change: 'upgraded',
        major: true,
      },
      {
        project: 'services/billing',
        manifest: 'services/billing/go.mod',
        name: 'golang.org/x/sync',
        from: null,
        to: 'v0.6.0',
        change: 'added',
        major: false,
        scope: 'indirect',
      },
      {
        project: 'services/web',
        manifest: 'services/web/package-lock.json',
        name: 'semver',
        from: '7.5.1',
        to: '7.5.4',
        change: 'upgraded',
        major: false,
        scope: 'lockfile',
      },
      {
        project: 'services/worker',
        manifest: 'services/worker/requirements.txt',
        name: 'requests',
        from: '2.31.0',
        to: '2.32.3',
        change: 'upgraded',
        major: false,
      },
      {
        project: 'services/worker',
        manifest: 'services/worker/requirements.txt',
        name: 'six',
        from: '1.16.0',
        to: null,
        change: 'removed',
        major: false,
      },
      {
        project: 'services/worker',
        manifest: 'services/worker/requirements.txt',
        name: 'celery',
        from: null,
        to: '>=5.3',
        change: 'added',
        major: false,
      },
    ]);
    // The whole lockfile tells direct from transitive packages; its hunks alone cannot.
    const semver = changes.findIndex((change) => change.name === 'semver');
    expect(changes[semver]?.scope).toBe('lockfile');
    const withCheckout = changes.map((change, index) =>
      index === semver ? { ...change, scope: 'transitive' } : change,
    );
    expect((await analyzeChanges({ files, projects, readFile })).dependencyChanges).toEqual(withCheckout);
  });

  it('lists test and source files per project, and the projects whose source changed without tests', async () => {
    const analysis = await analyzeChanges({ files, projects });
    expect(analysis.tests).toEqual([
      {
        project: 'services/api',
        testFiles: ['services/api/test/config.test.ts'],
        sourceFiles: ['services/api/src/auth/session.ts', 'services/api/src/config.ts'],
      },
      { project: 'services/billing', testFiles: [], sourceFiles: ['services/billing/main.go'] },
      { project: 'services/worker', testFiles: [], sourceFiles: ['services/worker/worker/tasks.py'] },
    ]);
    expect(analysis.projectsWithoutTestChanges).toEqual(['services/billing', 'services/worker']);
  });

  it('flags security-relevant files by path and by the lines they add', async () => {
    expect((await analyzeChanges({ files, projects })).securityTouched).toEqual([
      {
        file: 'services/api/src/auth/session.ts',
        reason: 'authentication or authorization (the path says "auth")',
        project: 'services/api',
      },
      {
        file: 'services/api/src/auth/session.ts',
        line: 1,
        reason: 'password hashing (`bcrypt`)',
        side: 'added',
        project: 'services/api',
      },
    ]);
  });
});
