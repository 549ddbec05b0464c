/** Which report the narrative is for (PRODUCT.md "Report formats"). */
export type NarrativeReportType = 'implementation' | 'bugfix';

const BUG_FIX_INSTRUCTIONS = [
  '- bugFix: this pull request is a bug fix. Give issue (what went wrong for users), rootCause (why, as the diff shows it), solution (what the change does about it) and prevention (what in the change, or one concrete follow-up, keeps it from coming back). Use null for any of them the pull request does not show; a guess is worse than null.',
];
const IMPLEMENTATION_INSTRUCTIONS = [
  '- bugFix: this pull request is not a bug fix: set all four fields to null.',
];

/** The per-call instruction of the report narrative, placed after the shared, cached context. */
export function buildNarrativeTask(reportType: NarrativeReportType): string {
  return [
    'Task: write the model-written parts of the report on the pull request above, for a reader who has not opened the diff.',
    '',
    '- summary: two to four plain sentences on what the change does and why. Take the reason from the description only where the diff agrees with it.',
    '- designNotes: up to six notes on the patterns chosen, data migrations, and security guards (validation, authorization, escaping) the diff adds, each with the changed files that show it. An empty list when nothing is notable.',
    ...(reportType === 'bugfix' ? BUG_FIX_INSTRUCTIONS : IMPLEMENTATION_INSTRUCTIONS),
    '',
    'Leave out test results, performance figures and anything else the pipeline measures: those are reported separately from real runs.',
    'Answer with the JSON object only.',
  ].join('\n');
}
