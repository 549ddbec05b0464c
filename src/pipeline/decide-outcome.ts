import type { ReportInput } from '../report/report-input.js';
import type { FailOn } from '../settings.js';
import type { HandlerOutcome } from './action-environment.js';

function lintFailed(input: ReportInput): boolean {
  return input.validation.projects.some((p) => p.commands.some((c) => c.kind === 'lint' && (c.outcome === 'failed' || (c.lint?.errors ?? 0) > 0)));
}

/** Install or test commands that failed, timed out or could not start (lint is judged separately). */
function testsFailed(input: ReportInput): boolean {
  return input.validation.projects.some((p) =>
    p.commands.some((c) => c.kind !== 'lint' && (c.outcome === 'failed' || c.outcome === 'timed-out' || c.outcome === 'error')),
  );
}

/** `fail-on` decides whether the step fails. The model's output never takes part in this. */
export function decideOutcome(failOn: FailOn, input: ReportInput): HandlerOutcome {
  const high = input.findings.filter((f) => f.severity === 'high').length;
  if (failOn === 'never') return { failed: false };
  if (testsFailed(input)) return { failed: true, reason: 'Validation failed: see the Tests section of the report.' };
  if ((failOn === 'lint' || failOn === 'high-findings') && lintFailed(input)) return { failed: true, reason: 'The linters reported errors.' };
  if (failOn === 'high-findings' && high > 0) return { failed: true, reason: `${high} high-severity finding(s) remain.` };
  return { failed: false };
}
