import { z } from 'zod';

// A union through anyOf: the form structured output documents for optional values.
const nullableText = (description: string) => ({
  anyOf: [{ type: 'string' }, { type: 'null' }],
  description,
});

/** Strict JSON schema of the narrative answer. */
export const NARRATIVE_JSON_SCHEMA: Record<string, unknown> = {
  type: 'object',
  additionalProperties: false,
  required: ['summary', 'designNotes', 'bugFix'],
  properties: {
    summary: { type: 'string', description: 'Two to four plain sentences: what the change does and why.' },
    designNotes: {
      type: 'array',
      description: 'Patterns, data migrations and security guards visible in the diff.',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['note', 'files'],
        properties: {
          note: { type: 'string', description: 'One sentence.' },
          files: { type: 'array', items: { type: 'string' }, description: 'Changed files that show it.' },
        },
      },
    },
    bugFix: {
      type: 'object',
      additionalProperties: false,
      required: ['issue', 'rootCause', 'solution', 'prevention'],
      properties: {
        issue: nullableText('The problem users saw; null when the change is not a fix or it is unclear.'),
        rootCause: nullableText('Why it happened, as the diff shows; null when the diff does not show it.'),
        solution: nullableText('What the change does to fix it; null when not a fix.'),
        prevention: nullableText(
          'How the change, or a follow-up, keeps it from recurring; null when unclear.',
        ),
      },
    },
  },
};

/** A design note tied to the files that show it. */
export interface DesignNote {
  note: string;
  files: string[];
}

/** Root cause, solution and prevention of a bug fix; null where the model could not tell. */
export interface BugFixNarrative {
  issue: string | null;
  rootCause: string | null;
  solution: string | null;
  prevention: string | null;
}

/** The model-written parts of the report, validated and not yet cleaned. */
export interface Narrative {
  summary: string;
  designNotes: DesignNote[];
  bugFix: BugFixNarrative;
}

export const narrativeAnswerSchema: z.ZodType<Narrative> = z.object({
  summary: z.string(),
  designNotes: z.array(z.object({ note: z.string(), files: z.array(z.string()) })),
  bugFix: z.object({
    issue: z.string().nullable(),
    rootCause: z.string().nullable(),
    solution: z.string().nullable(),
    prevention: z.string().nullable(),
  }),
});
