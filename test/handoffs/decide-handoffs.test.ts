import { describe, expect, it } from 'vitest';
import { decideHandoffs, type HandoffSignals } from '../../src/handoffs/decide-handoffs.js';

function signals(overrides: Partial<HandoffSignals> = {}): HandoffSignals {
  return {
    files: [],
    securityTouched: [],
    migrations: [],
    endpoints: [],
    projectsWithoutTests: [],
    ...overrides,
  };
}

function file(
  path: string,
  additions = 5,
  extra: Partial<HandoffSignals['files'][number]> = {},
): HandoffSignals['files'][number] {
  return { path, status: 'modified', additions, deletions: 0, ...extra };
}

describe('decideHandoffs', () => {
  it('hands off to security when the dependency review found vulnerable versions, naming the manifests', () => {
    expect(
      decideHandoffs(signals({ vulnerableDependencies: ['package.json', 'services/b/go.mod'] })),
    ).toEqual([
      {
        area: 'security',
        reasons: [
          'brings in dependency versions with known vulnerabilities in `package.json` and `services/b/go.mod`',
        ],
      },
    ]);
    expect(decideHandoffs(signals({ vulnerableDependencies: [] }))).toEqual([]);
  });

  it('hands off nothing for a small change with tests that touches no special area', () => {
    expect(
      decideHandoffs(signals({ files: [file('src/orders/total.ts'), file('src/orders/total.test.ts')] })),
    ).toEqual([]);
  });

  it('names the evidence from change analysis in each reason', () => {
    const decisions = decideHandoffs(
      signals({
        securityTouched: [
          { file: 'src/auth/session.ts', reason: 'touches session handling' },
          { file: 'src/auth/hash.ts', reason: 'password hashing' },
        ],
        migrations: [{ file: 'db/migrate/20260101_add_orders.rb' }],
        endpoints: [
          { method: 'get', path: '/orders', change: 'added' },
          { method: 'DELETE', path: '/orders/:id', change: 'removed' },
        ],
        projectsWithoutTests: ['services/api'],
        performanceFindings: [
          {
            ruleId: 'performance/query-in-loop',
            file: 'src/orders.ts',
            line: 12,
            title: 'Query inside a loop',
          },
        ],
      }),
    );
    expect(decisions).toEqual([
      {
        area: 'security',
        reasons: [
          '`src/auth/session.ts` touches session handling',
          '`src/auth/hash.ts` touches password hashing',
        ],
      },
      { area: 'performance', reasons: ['`src/orders.ts:12`: Query inside a loop'] },
      {
        area: 'api-design',
        reasons: ['removed an endpoint: `DELETE /orders/:id`', 'added an endpoint: `GET /orders`'],
      },
      { area: 'qa', reasons: ['source in `services/api` changed with no test change'] },
      { area: 'database', reasons: ['adds or changes migrations: `db/migrate/20260101_add_orders.rb`'] },
    ]);
  });

  it('hands off by path to devops, database and security using the default globs', () => {
    const decisions = decideHandoffs(
      signals({
        files: [
          file('Dockerfile'),
          file('.github/workflows/ci.yml'),
          file('infra/main.tf'),
          file('prisma/schema.prisma'),
          file('src/auth/login.ts'),
        ],
      }),
    );
    expect(decisions.map((decision) => decision.area)).toEqual(['security', 'devops', 'database']);
    expect(decisions.find((decision) => decision.area === 'devops')?.reasons).toEqual([
      '`Dockerfile`, `.github/workflows/ci.yml`, `infra/main.tf` match the devops paths',
    ]);
  });

  it('matches globs whatever the case, at the root, through braces and negations', () => {
    const reasonsFor = (path: string, paths: string[]) =>
      decideHandoffs(signals({ files: [file(path)] }), { performance: { paths } })
        .filter((decision) => decision.area === 'performance')
        .flatMap((decision) => decision.reasons);
    expect(reasonsFor('Cache/Store.TS', [])).toEqual(['`Cache/Store.TS` matches the performance paths']);
    expect(reasonsFor('src/hot/Path.go', ['**/{hot,warm}/*.go'])).toHaveLength(1);
    expect(reasonsFor('src/cold/Path.go', ['**/{hot,warm}/*.go'])).toEqual([]);
    expect(reasonsFor('src/cold/Path.go', ['!**/hot/**'])).toHaveLength(1);
    expect(reasonsFor('src/hot/Path.go', ['!**/hot/**'])).toEqual([]);
  });

  it('adds the config paths to the defaults and honours enabled: false', () => {
    const changes = signals({ files: [file('src/billing/charge.ts'), file('Dockerfile')] });
    const decisions = decideHandoffs(changes, {
      security: { paths: ['src/billing/**'] },
      devops: { enabled: false },
    });
    expect(decisions).toEqual([
      { area: 'security', reasons: ['`src/billing/charge.ts` matches the security paths'] },
    ]);
  });

  it('asks for a code review above 500 changed lines or 30 files', () => {
    expect(decideHandoffs(signals({ files: [file('src/a.ts', 300), file('src/b.ts', 201)] }))).toEqual([
      { area: 'code-review', reasons: ['changes 501 lines (more than 500)'] },
    ]);
    const many = Array.from({ length: 31 }, (_, index) => file(`src/f${index}.ts`, 1));
    expect(decideHandoffs(signals({ files: many }))[0]?.reasons).toEqual(['changes 31 files (more than 30)']);
    expect(decideHandoffs(signals({ files: [file('src/a.ts', 500)] }))).toEqual([]);
  });

  it('hands deleted tests to qa and shortens long lists of evidence', () => {
    const deleted = ['a', 'b', 'c', 'd', 'e'].map((name) =>
      file(`test/${name}.test.ts`, 0, { status: 'removed', isTest: true }),
    );
    expect(decideHandoffs(signals({ files: deleted }))).toEqual([
      {
        area: 'qa',
        reasons: ['deletes tests: `test/a.test.ts`, `test/b.test.ts`, `test/c.test.ts` and 2 more'],
      },
    ]);
  });
});
