import { describe, expect, it } from 'vitest';
import { decideExit } from '../../src/validation/decide-exit.js';
import type { CommandResult, ValidationSummary } from '../../src/validation/validation-result.js';

function summary(...commands: Pick<CommandResult, 'kind' | 'outcome'>[]): ValidationSummary {
  return {
    status: 'failed',
    projects: [
      {
        project: 'api',
        outcome: 'failed',
        commands: commands.map((command) => ({
          run: 'x',
          exitCode: 1,
          durationMs: 1,
          outputTail: '',
          ...command,
        })),
      },
    ],
  };
}

const clean = summary({ kind: 'test', outcome: 'passed' }, { kind: 'lint', outcome: 'passed' });
const lintFails = summary({ kind: 'test', outcome: 'passed' }, { kind: 'lint', outcome: 'failed' });
const testTimesOut = summary({ kind: 'test', outcome: 'timed-out' }, { kind: 'lint', outcome: 'passed' });
const installFails = summary({ kind: 'install', outcome: 'failed' }, { kind: 'test', outcome: 'skipped' });

describe('decideExit', () => {
  it('never fails with fail-on: never, but says what it let through', () => {
    expect(decideExit(testTimesOut, 'never', 3)).toEqual({
      fail: false,
      reason: 'not failing (fail-on: never) despite: test timed-out in api; 3 high-severity findings',
    });
  });

  it('fails on a failed, timed-out or uninstallable test run with fail-on: test-failure, not on lint', () => {
    expect(decideExit(testTimesOut, 'test-failure', 0)).toEqual({
      fail: true,
      reason: 'fail-on: test-failure: test timed-out in api',
    });
    expect(decideExit(installFails, 'test-failure', 0).fail).toBe(true);
    expect(decideExit(lintFails, 'test-failure', 0).fail).toBe(false);
  });

  it('fails on lint and on tests with fail-on: lint', () => {
    expect(decideExit(lintFails, 'lint', 0)).toEqual({
      fail: true,
      reason: 'fail-on: lint: lint failed in api',
    });
    expect(decideExit(testTimesOut, 'lint', 0).fail).toBe(true);
  });

  it('fails on lint errors reported by a lint command that exited 0', () => {
    const result = summary({ kind: 'lint', outcome: 'passed' });
    const command = result.projects[0]?.commands[0];
    if (command) command.lint = { errors: 2, warnings: 0, issues: [], parsedFrom: 'x' };
    expect(decideExit(result, 'lint', 0)).toEqual({
      fail: true,
      reason: 'fail-on: lint: lint reported errors in api',
    });
  });

  it('fails on high findings with fail-on: high-findings, and passes a clean run', () => {
    expect(decideExit(clean, 'high-findings', 1)).toEqual({
      fail: true,
      reason: 'fail-on: high-findings: 1 high-severity finding',
    });
    expect(decideExit(clean, 'high-findings', 0)).toEqual({ fail: false, reason: '' });
  });
});
