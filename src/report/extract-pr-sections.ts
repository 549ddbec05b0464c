import { marked, type Token } from 'marked';

export type BugFixField = 'issue' | 'rootCause' | 'solution' | 'testing' | 'prevention';

/** Heading words authors use for each Bug Fix Report field, lowercase. */
const FIELD_NAMES: Record<BugFixField, string[]> = {
  issue: [
    'issue',
    'problem',
    'bug',
    'the bug',
    'the problem',
    'what was wrong',
    'description',
    'symptoms',
    'context',
  ],
  rootCause: ['root cause', 'cause', 'root-cause', 'why it happened', 'why', 'analysis'],
  solution: ['solution', 'fix', 'the fix', 'changes', 'what changed', 'how', 'approach', 'what this pr does'],
  testing: ['testing', 'tests', 'how to test', 'how was this tested', 'verification', 'test plan'],
  prevention: ['prevention', 'how to prevent', 'follow-up', 'follow up', 'preventing recurrence', 'lessons'],
};

function fieldFor(title: string): BugFixField | undefined {
  const name = title
    .toLowerCase()
    .replace(/[*_`:#]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  for (const [field, names] of Object.entries(FIELD_NAMES) as [BugFixField, string[]][]) {
    if (names.includes(name)) return field;
  }
  return undefined;
}

/** `**Root cause:** text` on one paragraph: the label and what follows it. */
function boldLabel(token: Token): { field: BugFixField; rest: string } | undefined {
  if (token.type !== 'paragraph') return undefined;
  const match = /^\*\*([^*]{2,40})\*\*\s*:?\s*([\s\S]*)$/.exec(token.raw.trim());
  if (!match) return undefined;
  const field = fieldFor(match[1] ?? '');
  return field ? { field, rest: (match[2] ?? '').trim() } : undefined;
}

/** A paragraph that only links an issue (`Fixes #12`) belongs to no section. */
const CLOSING_ONLY = /^\s*(?:(?:close[sd]?|fix(?:e[sd])?|resolve[sd]?)\s+[\w.-]*\/?[\w.-]*#\d+[\s,.]*)+$/i;

/** The description's opening text, before any heading: what most authors write as "the issue". */
export function extractLeadText(body: string): string | undefined {
  const lead: string[] = [];
  for (const token of marked.lexer(body)) {
    if (token.type === 'heading' || boldLabel(token)) break;
    if (token.type === 'paragraph' && CLOSING_ONLY.test(token.text)) continue;
    if (token.raw.trim()) lead.push(token.raw.trim());
  }
  return lead.length ? lead.join('\n\n') : undefined;
}

/**
 * Finds the Bug Fix Report's fields in a PR description, by heading (`## Root cause`) or bold
 * label (`**Root cause:** …`). Text is returned as written (Markdown), trimmed; fields the author
 * did not write are absent, so the report can say "not stated in the PR".
 */
export function extractPrSections(body: string): Partial<Record<BugFixField, string>> {
  const found: Partial<Record<BugFixField, string>> = {};
  let current: BugFixField | undefined;
  let depth = 0;
  const append = (text: string) => {
    if (!current || !text.trim()) return;
    found[current] = found[current] ? `${found[current]}\n\n${text.trim()}` : text.trim();
  };
  for (const token of marked.lexer(body)) {
    if (token.type === 'heading') {
      const field = fieldFor(token.text);
      if (field) {
        current = field;
        depth = token.depth;
        continue;
      }
      if (current && token.depth <= depth) current = undefined;
      else append(token.raw);
      continue;
    }
    const label = boldLabel(token);
    if (label) {
      current = label.field;
      depth = 7;
      append(label.rest);
      continue;
    }
    if (token.type === 'paragraph' && CLOSING_ONLY.test(token.text)) continue;
    append(token.raw);
  }
  return found;
}
