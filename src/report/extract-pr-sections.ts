import { marked, type Token } from 'marked';
import { inferredField, splitSentences, statedField } from './stated-sentences.js';

export type BugFixField = 'issue' | 'rootCause' | 'solution' | 'testing' | 'prevention';

/** What a description states: the fields it names, and its opening text that no field took. */
export interface StatedFields {
  fields: Partial<Record<BugFixField, string>>;
  /** The text before the first heading or label, without the sentences a field took. */
  lead?: string;
}

/** Heading and label words authors use for each Bug Fix Report field, lowercase. */
const FIELD_NAMES: Record<BugFixField, string[]> = {
  issue: [
    'issue',
    'problem',
    'bug',
    'the bug',
    'the problem',
    'the issue',
    'what was wrong',
    'description',
    'symptoms',
    'symptom',
    'context',
    'motivation',
    'motivation and context',
    'background',
    'bug description',
    'describe the bug',
    'what is the problem',
  ],
  rootCause: [
    'root cause',
    'root causes',
    'cause',
    'the cause',
    'root-cause',
    'root cause analysis',
    'rca',
    'why it happened',
    'why did it happen',
    'why this happened',
    'why',
    'analysis',
    'reason',
    'what caused it',
    'why this change is being made',
    'why this change is needed',
    'why is this needed',
    'why is this change needed',
  ],
  solution: [
    'solution',
    'fix',
    'the fix',
    'changes',
    'changes made',
    'what changed',
    'how',
    'approach',
    'what this pr does',
    'proposed changes',
    'proposed solution',
    'how does this fix it',
    'how this fixes it',
    'summary of changes',
    'resolution',
    'implementation',
    'what were the changes made to support this',
    'what are the changes',
    'what this change does',
    'what does this pr do',
    'what does this change do',
  ],
  testing: [
    'testing',
    'tests',
    'how to test',
    'how was this tested',
    'how has this been tested',
    'verification',
    'test plan',
    'testing performed',
    'testing done',
  ],
  prevention: [
    'prevention',
    'how to prevent',
    'preventing recurrence',
    'follow-up',
    'follow up',
    'follow-ups',
    'lessons',
    'lessons learned',
    'regression prevention',
  ],
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

// `Root cause: text`, `**Root cause:** text`, `**Fix**: text`, `- Prevention: text`: a label, then what follows.
const LABEL_LINE =
  /^\s*([-*+]\s+)?(?:\*\*|__|\*|_)?([A-Za-z][A-Za-z '-]{1,58}?)(?:\*\*|__|\*|_)?\s*:(?:\*\*|__|\*|_)?\s*(.*)$/;
// `* fix: align the cookie` in a squash-merge message lists a commit subject, not a "Fix:" label.
const COMMIT_TYPE = /^(?:fix|feat|chore|docs|refactor|test|perf|ci|build|style)$/;

// `**Root cause**` alone on its line: a bold pseudo-heading.
const BOLD_LINE = /^\s*(?:\*\*|__)([^*_]{2,40})(?:\*\*|__)\s*:?\s*(.*)$/;

function labelOf(line: string): { field: BugFixField; rest: string } | undefined {
  const labelled = LABEL_LINE.exec(line);
  if (labelled) {
    const [, bullet, name = '', rest = ''] = labelled;
    if (bullet && COMMIT_TYPE.test(name)) return undefined;
    const field = fieldFor(name);
    if (field) return { field, rest: rest.trim() };
  }
  const bold = BOLD_LINE.exec(line);
  const field = bold ? fieldFor(bold[1] ?? '') : undefined;
  return field ? { field, rest: (bold?.[2] ?? '').trim() } : undefined;
}

/** A paragraph that only links an issue (`Fixes #12`) belongs to no section. */
const CLOSING_ONLY = /^\s*(?:(?:close[sd]?|fix(?:e[sd])?|resolve[sd]?)\s+[\w.-]*\/?[\w.-]*#\d+[\s,.]*)+$/i;
/** Git trailers a squash-merge message carries: not part of what the author wrote about the change. */
const TRAILER =
  /^(?:co-authored-by|signed-off-by|reviewed-by|acked-by|tested-by|reported-by|suggested-by|helped-by|change-id|[\w]+-thread-id):.*$/gim;

/** Walks the description's blocks, sending each to the field it belongs to. */
class FieldCollector {
  readonly fields: Partial<Record<BugFixField, string>> = {};
  readonly lead: string[] = [];
  private current: BugFixField | undefined;
  private depth = 0;
  private started = false;

  constructor(private readonly inferFromProse: boolean) {}

  private add(field: BugFixField | undefined, text: string): void {
    const clean = text.trim();
    if (!clean) return;
    if (field === undefined) {
      if (!this.started) this.lead.push(clean);
      return;
    }
    this.fields[field] = this.fields[field] ? `${this.fields[field]}\n\n${clean}` : clean;
  }

  heading(token: Token & { depth: number; text: string }): void {
    const field = fieldFor(token.text);
    this.started = true;
    if (field) {
      this.current = field;
      this.depth = token.depth;
    } else if (this.current && token.depth <= this.depth) this.current = undefined;
    else this.add(this.current, token.raw);
  }

  /** A label opens its field: for its own paragraph, or, when nothing follows it, up to the next heading. */
  private labelled(lines: string[]): boolean {
    const label = labelOf(lines[0] ?? '');
    if (!label) return false;
    this.started = true;
    const rest = [label.rest, ...lines.slice(1)].join('\n').trim();
    if (rest) this.add(label.field, rest);
    else {
      this.current = label.field;
      this.depth = 7;
    }
    return true;
  }

  /** Prose outside an explicit field: each sentence that states a field goes to it, with the sentences after it. */
  private prose(text: string): void {
    const runs: { field: BugFixField | undefined; sentences: string[] }[] = [];
    let stated: BugFixField | undefined;
    for (const sentence of splitSentences(text)) {
      if (CLOSING_ONLY.test(sentence)) continue;
      stated = statedField(sentence) ?? (this.inferFromProse ? inferredField(sentence) : undefined) ?? stated;
      const last = runs[runs.length - 1];
      if (last && last.field === stated) last.sentences.push(sentence);
      else runs.push({ field: stated, sentences: [sentence] });
    }
    for (const run of runs) this.add(run.field ?? this.current, run.sentences.join(' '));
  }

  paragraph(raw: string, text: string): void {
    if (CLOSING_ONLY.test(text)) return;
    // Lines of one paragraph may each carry a label (`Root cause: …` then `Fix: …`).
    const groups: string[][] = [];
    for (const line of raw.split('\n')) {
      if (labelOf(line) || groups.length === 0) groups.push([line]);
      else groups[groups.length - 1]?.push(line);
    }
    for (const group of groups) {
      if (this.labelled(group)) continue;
      const joined = group.join('\n');
      if (this.current === undefined || this.current === 'issue') this.prose(joined);
      else this.add(this.current, joined);
    }
  }

  /** A list whose items carry labels (`- Root cause: …`) sends each labelled item to its field. */
  list(items: { raw: string }[], raw: string): void {
    if (!items.some((item) => labelOf(item.raw.split('\n')[0] ?? ''))) {
      this.add(this.current, raw);
      return;
    }
    for (const item of items) {
      const lines = item.raw.trim().split('\n');
      if (!this.labelled(lines)) this.add(this.current, item.raw);
    }
  }

  block(raw: string): void {
    this.add(this.current, raw);
  }
}

/**
 * Finds the Bug Fix Report's fields in a description (a PR's, or the linked issue's), by heading
 * (`## Root cause`), by label (`Root cause: …`, `**Fix:** …`), and by the sentences that state them
 * in running text ("The problem was…", "This fixes … by …"). With `inferFromProse` (a fix's own
 * description), plain prose is read too: imperative sentences as the solution, sentences that
 * explain a consequence as the root cause. Text is returned as written (Markdown), trimmed;
 * fields the author did not state are absent, so the report can say so.
 */
export function readStatedFields(body: string, options: { inferFromProse?: boolean } = {}): StatedFields {
  const collector = new FieldCollector(options.inferFromProse ?? false);
  for (const token of marked.lexer(body.replace(TRAILER, ''))) {
    if (token.type === 'heading') collector.heading(token as Token & { depth: number; text: string });
    else if (token.type === 'paragraph') collector.paragraph(token.raw.trim(), token.text);
    else if (token.type === 'list') collector.list(token.items as { raw: string }[], token.raw);
    else if (token.type !== 'space') collector.block(token.raw);
  }
  const lead = collector.lead.join('\n\n');
  return { fields: collector.fields, ...(lead ? { lead } : {}) };
}

/** The fields a description states (see `readStatedFields`). */
export function extractPrSections(body: string): Partial<Record<BugFixField, string>> {
  return readStatedFields(body).fields;
}

/** The description's opening text, before any heading or label: what most authors write as "the issue". */
export function extractLeadText(body: string): string | undefined {
  return readStatedFields(body).lead;
}
