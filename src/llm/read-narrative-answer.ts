import { cleanModelText } from '../prompts/clean-model-text.js';
import { narrativeAnswerSchema, type BugFixNarrative, type DesignNote } from '../prompts/narrative-schema.js';
import type { ModelRun } from '../prompts/prepare-model-run.js';
import { modelFailure } from './describe-model-failure.js';
import type { NarrativeResult, TokenUsage } from './review-model.js';

const SUMMARY_CHARS = 1_500;
const NOTE_CHARS = 400;
const BUG_FIX_CHARS = 800;
const MAX_NOTES = 6;

/**
 * Validates the narrative answer and makes it safe to post. A design note survives only when
 * it names files the model was shown: a note about files it never saw is invented.
 */
export function readNarrativeAnswer(json: unknown, usage: TokenUsage, run: ModelRun): NarrativeResult {
  const parsed = narrativeAnswerSchema.safeParse(json);
  if (!parsed.success) return modelFailure('narrative', 'unparsable', 'missing or mistyped fields', usage);
  const shown = new Set(run.includedFiles);
  const designNotes: DesignNote[] = parsed.data.designNotes
    .filter((note) => note.files.length > 0 && note.files.every((file) => shown.has(file)))
    .slice(0, MAX_NOTES)
    .map((note) => ({
      note: cleanModelText(note.note, { singleLine: true, maxChars: NOTE_CHARS }),
      files: note.files,
    }))
    .filter((note) => note.note.length > 0);
  const fix = parsed.data.bugFix;
  const bugFix: BugFixNarrative = {
    issue: cleanOptional(fix.issue),
    rootCause: cleanOptional(fix.rootCause),
    solution: cleanOptional(fix.solution),
    prevention: cleanOptional(fix.prevention),
  };
  const summary = cleanModelText(parsed.data.summary, { maxChars: SUMMARY_CHARS });
  return { ok: true, narrative: { summary, designNotes, bugFix }, usage };
}

function cleanOptional(text: string | null): string | null {
  if (text === null) return null;
  const cleaned = cleanModelText(text, { maxChars: BUG_FIX_CHARS });
  return cleaned.length > 0 ? cleaned : null;
}
