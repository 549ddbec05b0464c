import type { CommandResult, ValidationSummary } from './validation-result.js';

export type FailOn = 'never' | 'test-failure' | 'lint' | 'high-findings';

export interface ExitDecision {
  fail: boolean;
  /** Why the step fails, or why it passes despite problems; empty when there is nothing to say. */
  reason: string;
}

const RUN_FAILED = new Set(['failed', 'timed-out', 'error']);

/**
 * Decide whether the step fails. The `fail-on` levels are cumulative, from
 * lenient to strict: `test-failure` fails on a failed, timed-out or unrunnable
 * install or test command; `lint` also on a failing lint command or lint
 * errors; `high-findings` also on any high-severity review finding.
 */
export function decideExit(summary: ValidationSummary, failOn: FailOn, highFindings: number): ExitDecision {
  const testProblems = describeFailures(
    summary,
    (command) => command.kind !== 'lint' && RUN_FAILED.has(command.outcome),
  );
  const lintProblems = describeFailures(
    summary,
    (command) =>
      command.kind === 'lint' && (RUN_FAILED.has(command.outcome) || (command.lint?.errors ?? 0) > 0),
  );
  const findingProblem =
    highFindings > 0 ? [`${highFindings} high-severity finding${highFindings === 1 ? '' : 's'}`] : [];
  const levels: Record<FailOn, string[]> = {
    never: [],
    'test-failure': testProblems,
    lint: [...testProblems, ...lintProblems],
    'high-findings': [...testProblems, ...lintProblems, ...findingProblem],
  };
  const blocking = levels[failOn];
  if (blocking.length > 0) return { fail: true, reason: `fail-on: ${failOn}: ${blocking.join('; ')}` };
  const ignored = [...testProblems, ...lintProblems, ...findingProblem];
  return {
    fail: false,
    reason: ignored.length > 0 ? `not failing (fail-on: ${failOn}) despite: ${ignored.join('; ')}` : '',
  };
}

function describeFailures(
  summary: ValidationSummary,
  matches: (command: CommandResult) => boolean,
): string[] {
  return summary.projects.flatMap((project) =>
    project.commands
      .filter(matches)
      .map(
        (command) =>
          `${command.kind} ${command.outcome === 'passed' ? 'reported errors' : command.outcome} in ${project.project}`,
      ),
  );
}
