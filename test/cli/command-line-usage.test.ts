import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import packageJson from '../../package.json' with { type: 'json' };
import { cli, repositoryWith, scratchDir, writeFiles } from './cli-process.js';

let scratch: { dir: string; remove(): void };
beforeAll(() => {
  scratch = scratchDir('bda-cli-usage-');
  repositoryWith(scratch.dir, {
    'package.json': JSON.stringify({ name: 'x', scripts: { test: 'node --test' } }),
  });
});
afterAll(() => scratch?.remove());

describe('the command line as a conventional CLI', () => {
  it('prints the version from package.json with --version', () => {
    const run = cli(['--version']);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(`${packageJson.version}\n`);
    expect(run.stderr).toBe('');
  });

  it("prints each command's own help with <command> --help", () => {
    const expected: Record<string, { has: string[]; lacks: string[] }> = {
      discover: { has: ['backend-developer discover [dir]', '--config'], lacks: ['--base', '--verbose'] },
      report: {
        has: ['--base <ref>', '--head <ref>', '--no-validate', '--fail-on', '--verbose'],
        lacks: ['--project'],
      },
      validate: { has: ['--project <path>', '--fail-on', '--verbose'], lacks: ['--base', '--head'] },
      review: {
        has: ['review <area> [dir]', '--base <ref>', '--head <ref>', '--fail-on'],
        lacks: ['--verbose'],
      },
    };
    for (const [command, { has, lacks }] of Object.entries(expected)) {
      const run = cli([command, '--help']);
      expect(run.code, command).toBe(0);
      expect(run.stderr).toBe('');
      for (const text of has) expect(run.stdout, `${command} help has ${text}`).toContain(text);
      for (const text of lacks) expect(run.stdout, `${command} help lacks ${text}`).not.toContain(text);
    }
  });

  it('rejects unknown options and options of another command with exit 2 and the usage on stderr', () => {
    const cases: [string[], string][] = [
      [['report', '--no-such-flag'], 'unknown option `--no-such-flag` for `report`'],
      [
        ['validate', '--base', 'main'],
        '`--base` is not an option of `validate` (it belongs to report, review)',
      ],
      [['discover', '--verbose'], '`--verbose` is not an option of `discover`'],
      [['report', '--type', 'poem'], '`--type` must be one of auto, implementation, bugfix; got `poem`'],
      [
        ['report', '--fail-on', 'always'],
        '`--fail-on` must be one of never, test-failure, lint, high-findings',
      ],
      [['report', '--base'], "Option '--base <value>' argument missing"],
      [['discover', 'a', 'b'], 'too many arguments for `discover`'],
      [['frobnicate'], 'unknown command `frobnicate`'],
      [[], 'no command given'],
    ];
    for (const [args, message] of cases) {
      const run = cli(args);
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stdout, args.join(' ')).toBe('');
      expect(run.stderr, args.join(' ')).toContain(message);
      expect(run.stderr, args.join(' ')).toContain('Usage:');
    }
  });

  it('lists the areas for review <unknown area>', () => {
    const run = cli(['review', 'bogus', scratch.dir]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(
      'unknown area `bogus`; areas: security, performance, code-review, api-design, qa, devops, database.',
    );
  });

  it('exits 2 naming a missing directory, config file or ref on stderr', () => {
    const cases: [string[], string][] = [
      [['discover', '/nonexistent/dir'], 'directory `/nonexistent/dir` does not exist'],
      [['validate', '/nonexistent/dir'], 'directory `/nonexistent/dir` does not exist'],
      [['report', '/nonexistent/dir'], 'directory `/nonexistent/dir` does not exist'],
      [['discover', scratch.dir, '--config', 'missing.yml'], 'config file `missing.yml` not found'],
      [['validate', scratch.dir, '--config', 'missing.yml'], 'config file `missing.yml` not found'],
      [['report', scratch.dir, '--base', 'no-such-branch'], '--base `no-such-branch` is not a commit'],
      [['report', scratch.dir, '--base', 'main', '--head', 'nope'], '--head `nope` is not a commit'],
      [['review', 'security', scratch.dir, '--head', 'nope'], '--head `nope` is not a commit'],
    ];
    for (const [args, message] of cases) {
      const run = cli(args);
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stdout, args.join(' ')).toBe('');
      expect(run.stderr, args.join(' ')).toContain(message);
    }
  });

  it('explains "No projects found" and exits 2 when validate has nothing to run', () => {
    const empty = scratchDir('bda-cli-empty-');
    try {
      const discover = cli(['discover', empty.dir]);
      expect(discover.code).toBe(0);
      expect(discover.stdout).toContain(`No projects found in ${empty.dir}.`);
      expect(discover.stdout).toContain('package.json, pyproject.toml');
      const validate = cli(['validate', empty.dir]);
      expect(validate.code).toBe(2);
      expect(validate.stdout).toBe('');
      expect(validate.stderr).toContain('No projects found');
    } finally {
      empty.remove();
    }
  });

  it('names a GOPATH-era Go repository (Go files, no go.mod) when no project is found', () => {
    const gopath = scratchDir('bda-cli-gopath-');
    try {
      writeFiles(gopath.dir, { 'src/github.com/acme/tool/main.go': 'package main\n\nfunc main() {}\n' });
      const run = cli(['discover', gopath.dir]);
      expect(run.code).toBe(0);
      expect(run.stdout).toContain(
        'Found 1 .go file(s) but no go.mod: this looks like a GOPATH-era Go repository',
      );
      const json = cli(['discover', gopath.dir, '--json']);
      expect(JSON.parse(json.stdout)).toMatchObject({ projects: [] });
      expect(json.stderr).toContain('GOPATH-era');
    } finally {
      gopath.remove();
    }
  });

  it('prints discovery warnings on stderr, never in the table on stdout', () => {
    const broken = scratchDir('bda-cli-warn-');
    try {
      writeFiles(broken.dir, {
        'package.json': JSON.stringify({ name: 'ok', scripts: { test: 'node --test' } }),
        'services/web/package.json': '{ "name": ',
      });
      const run = cli(['discover', broken.dir]);
      expect(run.code).toBe(0);
      expect(run.stderr).toMatch(/^warning: services\/web\/package\.json: /m);
      expect(run.stdout).not.toContain('services/web/package.json');
    } finally {
      broken.remove();
    }
  });
});
