import { HANDOFF_CATALOG } from '../../handoffs/handoff-catalog.js';
import { code } from '../markdown.js';
import type { ReportInput } from '../report-input.js';

/** Next Steps: what this run's results ask of the author or reviewers, nothing generic. */
export function renderNextStepsSection(input: ReportInput): string {
  const steps: string[] = [];
  const failing = input.validation.projects.filter((p) => p.outcome === 'failed').map((p) => code(p.project));
  if (failing.length) steps.push(`Fix the failing checks in ${failing.join(', ')}.`);
  for (const h of input.handoffs) {
    if (!h.findings) continue;
    const high = input.findings.filter((f) => f.area === h.area && f.severity === 'high').length;
    const label = `${h.findings} finding${h.findings === 1 ? '' : 's'}${high ? `, ${high} high` : ''}`;
    steps.push(`Work through the ${HANDOFF_CATALOG[h.area].title} (${label}).`);
  }
  const undocumented = input.analysis.envVars.filter((v) => !v.documented).length;
  if (undocumented)
    steps.push(
      `Document ${undocumented} new environment variable${undocumented === 1 ? '' : 's'} (see Environment Variables).`,
    );
  const destructive = input.analysis.migrations.reduce((n, m) => n + m.destructive.length, 0);
  if (destructive)
    steps.push('Plan the rollout of the destructive migration steps (backfill, deploy order, rollback).');
  const removed = input.analysis.endpoints.filter((e) => e.change === 'removed').length;
  if (removed)
    steps.push(
      `Tell the clients of the ${removed} removed endpoint${removed === 1 ? '' : 's'}, or keep ${removed === 1 ? 'it' : 'them'} behind a deprecation period.`,
    );
  if (input.validation.status === 'skipped' && input.affectedProjects.length > 0) {
    steps.push('Run the tests: comment `/backend validate` or set `validate: affected`.');
  }
  if (steps.length === 0) steps.push('Ready for human review.');
  return ['### Next Steps', '', ...steps.map((s) => `- ${s}`)].join('\n');
}
