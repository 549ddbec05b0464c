import { describe, expect, it } from 'vitest';
import { decideCodeExecution } from '../../src/policy/decide-code-execution.js';

const sameRepo = { fromFork: false, headRepository: 'o/r' };
const fork = { fromFork: true, headRepository: 'stranger/r' };

describe('decideCodeExecution', () => {
  it('runs any pull request’s code in a pull_request workflow, where GitHub limits a fork’s token', () => {
    expect(decideCodeExecution({ eventName: 'pull_request', pullRequest: fork, runForkCode: false })).toEqual(
      {
        allowed: true,
      },
    );
  });

  it('runs a same-repository pull request’s code on a command or a dispatch', () => {
    for (const eventName of ['issue_comment', 'workflow_dispatch'])
      expect(decideCodeExecution({ eventName, pullRequest: sameRepo, runForkCode: false }).allowed).toBe(
        true,
      );
  });

  it('does not run a fork’s code on a command or a dispatch, and says how to change that', () => {
    for (const eventName of ['issue_comment', 'workflow_dispatch']) {
      const decision = decideCodeExecution({ eventName, pullRequest: fork, runForkCode: false });
      expect(decision.allowed).toBe(false);
      if (decision.allowed) continue;
      expect(decision.reason).toContain('(`stranger/r`)');
      expect(decision.reason).toContain(`on \`${eventName}\``);
      expect(decision.reason).toContain('`commands: { run-fork-code: true }`');
    }
  });

  it('runs a fork’s code on a command when the base branch config opts in', () => {
    expect(
      decideCodeExecution({ eventName: 'issue_comment', pullRequest: fork, runForkCode: true }).allowed,
    ).toBe(true);
  });

  it('names no repository when the fork is gone', () => {
    const decision = decideCodeExecution({
      eventName: 'issue_comment',
      pullRequest: { fromFork: true, headRepository: null },
      runForkCode: false,
    });
    expect(decision.allowed === false && decision.reason).toMatch(
      /^the pull request comes from a fork, whose/,
    );
  });

  it('never runs pull request code on any other event, opt-in or not', () => {
    for (const eventName of ['pull_request_target', 'push', 'schedule'])
      expect(decideCodeExecution({ eventName, pullRequest: sameRepo, runForkCode: true }).allowed).toBe(
        false,
      );
  });
});
