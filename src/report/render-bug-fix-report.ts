import { readStatedFields, type BugFixField } from './extract-pr-sections.js';
import { quoteUntrusted } from './markdown.js';
import type { ReportInput } from './report-input.js';
import { renderDependencyReviewSection } from './sections/dependency-review-section.js';
import { renderHandoffsSection } from './sections/handoffs-section.js';
import { renderDoneSection } from './sections/done-section.js';
import { renderFilesSection } from './sections/files-section.js';
import { renderFooter } from './sections/footer-section.js';
import { REPORT_MARKER, renderHeader } from './sections/header-section.js';
import { renderTestsSection } from './sections/tests-section.js';
import { MODEL_LABEL } from './sections/model-sections.js';

const NOT_STATED = '_Not stated in the PR or its linked issue._';

type ModelBugFix = NonNullable<NonNullable<ReportInput['model']>['bugFix']>;

/** A field's text as the author wrote it, and where it was written. */
interface Quoted {
  text: string;
  source: string;
}

type StatedText = Partial<Record<BugFixField, Quoted>>;

/** What the PR description states, then what the linked issue states for the fields the PR leaves out. */
function statedText(input: ReportInput): { fields: StatedText; lead?: string } {
  const fields: StatedText = {};
  const pr = readStatedFields(input.body, { inferFromProse: true });
  for (const [key, text] of Object.entries(pr.fields) as [BugFixField, string][]) {
    fields[key] = { text, source: 'the PR description' };
  }
  const issue = input.linkedIssue;
  if (issue) {
    // The issue's own "Issue" is its title and body, shown whole; its other fields fill gaps.
    const stated = readStatedFields(issue.body).fields;
    for (const key of ['rootCause', 'solution', 'prevention'] as const) {
      const text = stated[key];
      if (!fields[key] && text) fields[key] = { text, source: `issue #${issue.number}` };
    }
  }
  return { fields, ...(pr.lead ? { lead: pr.lead } : {}) };
}

function quotedBlock(title: string, quoted: Quoted): string {
  return `### ${title}\n\n${quoteUntrusted(quoted.text)}\n\n<sub>Quoted from ${quoted.source}.</sub>`;
}

/** The author's words when they state the field; else the model's, labelled; else "not stated". */
function field(title: string, fields: StatedText, key: BugFixField, model?: ModelBugFix): string {
  const quoted = fields[key];
  if (quoted) return quotedBlock(title, quoted);
  const modelText = key === 'testing' ? undefined : model?.[key];
  if (modelText)
    return `### ${title}\n\n${MODEL_LABEL}, not stated in the PR:\n\n${quoteUntrusted(modelText)}`;
  return `### ${title}\n\n${NOT_STATED}`;
}

function issueSection(input: ReportInput, stated: { fields: StatedText; lead?: string }): string {
  const issue = input.linkedIssue;
  if (issue) {
    const body = issue.body.trim() ? `\n\n${quoteUntrusted(issue.body, 800)}` : '';
    return `### Issue\n\n#${issue.number}: ${quoteUntrusted(issue.title, 200).slice(2)}${body}`;
  }
  if (stated.fields.issue) return quotedBlock('Issue', stated.fields.issue);
  if (stated.lead) return quotedBlock('Issue', { text: stated.lead, source: 'the PR description' });
  // A fix's title names what was wrong ("Totals lose a cent on some prices").
  if (input.title.trim()) return quotedBlock('Issue', { text: input.title, source: 'the PR title' });
  return field('Issue', stated.fields, 'issue', input.model?.bugFix);
}

function testingSection(input: ReportInput, fields: StatedText): string {
  const ran = renderTestsSection(input.validation, input.validationSkipReason).replace(/^### Tests\n\n/, '');
  const described = fields.testing;
  const stated = described
    ? `\n\n**As described in ${described.source}**\n\n${quoteUntrusted(described.text)}`
    : '';
  return `### Testing\n\n${ran}${stated}`;
}

/**
 * The Bug Fix Report: Issue, Root Cause, Solution, Files Modified, Testing, Prevention, Definition
 * of Done. Root Cause, Solution and Prevention are quoted from the PR description, or from the
 * linked issue where the description does not state them, and say which.
 */
export function renderBugFixReport(input: ReportInput): string {
  const stated = statedText(input);
  const { fields } = stated;
  return [
    REPORT_MARKER,
    renderHeader(input),
    issueSection(input, stated),
    field('Root Cause', fields, 'rootCause', input.model?.bugFix),
    field('Solution', fields, 'solution', input.model?.bugFix),
    renderFilesSection(input.files, 'Files Modified'),
    testingSection(input, fields),
    field('Prevention', fields, 'prevention', input.model?.bugFix),
    renderDependencyReviewSection(input.dependencyReview),
    renderHandoffsSection(input),
    renderDoneSection(input),
    renderFooter(input),
  ]
    .filter((section): section is string => section !== undefined)
    .join('\n\n');
}
