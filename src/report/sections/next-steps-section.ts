import { code } from '../markdown.js';
import type { ReportInput } from '../report-input.js';

/** Next Steps: what this run's results ask of the author or reviewers, nothing generic. */
export function renderNextStepsSection(input: ReportInput): string {
  const steps: string[] = [];
  const failing = input.validation.projects.filter((p) => p.outcome === 'failed').map((p) => code(p.project));
  if (failing.length) steps.push(`Fix the failing checks in ${failing.join(', ')}.`);
  const high = input.findings.filter((f) => f.severity === 'high');
  if (high.length) steps.push(`Address ${high.length} high-severity finding${high.length === 1 ? '' : 's'} from the reviews below.`);
  for (const h of input.handoffs) steps.push(`Get a ${h.area} review (label \`handoff:${h.area}\`).`);
  if (input.validation.status === 'skipped' && input.affectedProjects.length > 0) {
    steps.push('Run the tests: comment `/backend validate` or set `validate: affected`.');
  }
  if (steps.length === 0) steps.push('Ready for human review.');
  return ['### Next Steps', '', ...steps.map((s) => `- ${s}`)].join('\n');
}
