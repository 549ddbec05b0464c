import { extractPrSections, type BugFixField } from './extract-pr-sections.js';
import { quoteUntrusted } from './markdown.js';
import type { ReportInput } from './report-input.js';
import { renderHandoffsSection } from './sections/handoffs-section.js';
import { renderDoneSection } from './sections/done-section.js';
import { renderFilesSection } from './sections/files-section.js';
import { renderFooter } from './sections/footer-section.js';
import { REPORT_MARKER, renderHeader } from './sections/header-section.js';
import { renderTestsSection } from './sections/tests-section.js';

const NOT_STATED = '_Not stated in the PR._';

function field(title: string, sections: Partial<Record<BugFixField, string>>, key: BugFixField): string {
  const text = sections[key];
  return `### ${title}\n\n${text ? `${quoteUntrusted(text)}\n\n<sub>From the PR description.</sub>` : NOT_STATED}`;
}

function issueSection(input: ReportInput, sections: Partial<Record<BugFixField, string>>): string {
  const issue = input.linkedIssue;
  if (issue) {
    const body = issue.body.trim() ? `\n\n${quoteUntrusted(issue.body, 800)}` : '';
    return `### Issue\n\n#${issue.number}: ${quoteUntrusted(issue.title, 200).slice(2)}${body}`;
  }
  return field('Issue', sections, 'issue');
}

function testingSection(input: ReportInput, sections: Partial<Record<BugFixField, string>>): string {
  const ran = renderTestsSection(input.validation, input.validationSkipReason).replace(/^### Tests\n\n/, '');
  const stated = sections.testing ? `\n\n**As described in the PR**\n\n${quoteUntrusted(sections.testing)}` : '';
  return `### Testing\n\n${ran}${stated}`;
}

/** The Bug Fix Report: Issue, Root Cause, Solution, Files Modified, Testing, Prevention, Definition of Done. */
export function renderBugFixReport(input: ReportInput): string {
  const sections = extractPrSections(input.body);
  return [
    REPORT_MARKER,
    renderHeader(input),
    issueSection(input, sections),
    field('Root Cause', sections, 'rootCause'),
    field('Solution', sections, 'solution'),
    renderFilesSection(input.files, 'Files Modified'),
    testingSection(input, sections),
    field('Prevention', sections, 'prevention'),
    renderHandoffsSection(input),
    renderDoneSection(input),
    renderFooter(input),
  ].join('\n\n');
}
