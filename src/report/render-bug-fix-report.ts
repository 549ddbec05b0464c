import { extractLeadText, extractPrSections, type BugFixField } from './extract-pr-sections.js';
import { quoteUntrusted } from './markdown.js';
import type { ReportInput } from './report-input.js';
import { renderHandoffsSection } from './sections/handoffs-section.js';
import { renderDoneSection } from './sections/done-section.js';
import { renderFilesSection } from './sections/files-section.js';
import { renderFooter } from './sections/footer-section.js';
import { REPORT_MARKER, renderHeader } from './sections/header-section.js';
import { renderTestsSection } from './sections/tests-section.js';
import { MODEL_LABEL } from './sections/model-sections.js';

const NOT_STATED = '_Not stated in the PR._';

type ModelBugFix = NonNullable<NonNullable<ReportInput['model']>['bugFix']>;

/** The PR's own words when it has them; else the model's, labelled; else "not stated". */
function field(
  title: string,
  sections: Partial<Record<BugFixField, string>>,
  key: BugFixField,
  model?: ModelBugFix,
): string {
  const text = sections[key];
  if (text) return `### ${title}\n\n${quoteUntrusted(text)}\n\n<sub>From the PR description.</sub>`;
  const modelText = key === 'testing' ? undefined : model?.[key];
  if (modelText)
    return `### ${title}\n\n${MODEL_LABEL}, not stated in the PR:\n\n${quoteUntrusted(modelText)}`;
  return `### ${title}\n\n${NOT_STATED}`;
}

function issueSection(input: ReportInput, sections: Partial<Record<BugFixField, string>>): string {
  const issue = input.linkedIssue;
  if (issue) {
    const body = issue.body.trim() ? `\n\n${quoteUntrusted(issue.body, 800)}` : '';
    return `### Issue\n\n#${issue.number}: ${quoteUntrusted(issue.title, 200).slice(2)}${body}`;
  }
  const lead = sections.issue ? undefined : extractLeadText(input.body);
  if (lead) return `### Issue\n\n${quoteUntrusted(lead)}\n\n<sub>From the PR description.</sub>`;
  return field('Issue', sections, 'issue', input.model?.bugFix);
}

function testingSection(input: ReportInput, sections: Partial<Record<BugFixField, string>>): string {
  const ran = renderTestsSection(input.validation, input.validationSkipReason).replace(/^### Tests\n\n/, '');
  const stated = sections.testing
    ? `\n\n**As described in the PR**\n\n${quoteUntrusted(sections.testing)}`
    : '';
  return `### Testing\n\n${ran}${stated}`;
}

/** The Bug Fix Report: Issue, Root Cause, Solution, Files Modified, Testing, Prevention, Definition of Done. */
export function renderBugFixReport(input: ReportInput): string {
  const sections = extractPrSections(input.body);
  return [
    REPORT_MARKER,
    renderHeader(input),
    issueSection(input, sections),
    field('Root Cause', sections, 'rootCause', input.model?.bugFix),
    field('Solution', sections, 'solution', input.model?.bugFix),
    renderFilesSection(input.files, 'Files Modified'),
    testingSection(input, sections),
    field('Prevention', sections, 'prevention', input.model?.bugFix),
    renderHandoffsSection(input),
    renderDoneSection(input),
    renderFooter(input),
  ].join('\n\n');
}
