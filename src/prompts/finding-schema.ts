import { z } from 'zod';

/**
 * The one answer shape every area review uses, as a strict JSON schema for structured output
 * (every object closed, every field required; ranges are stated in descriptions because
 * structured output does not enforce `minimum`/`maximum`).
 */
export const FINDINGS_JSON_SCHEMA: Record<string, unknown> = {
  type: 'object',
  additionalProperties: false,
  required: ['findings'],
  properties: {
    findings: {
      type: 'array',
      description: 'Problems on added lines; an empty array when there are none.',
      items: {
        type: 'object',
        additionalProperties: false,
        required: [
          'file',
          'line',
          'severity',
          'category',
          'title',
          'explanation',
          'recommendation',
          'confidence',
        ],
        properties: {
          file: { type: 'string', description: 'The path exactly as written after "### File:".' },
          line: { type: 'integer', description: 'An added line number, as shown after "+".' },
          severity: { type: 'string', enum: ['high', 'medium', 'low'] },
          category: { type: 'string', description: 'Short kebab-case kind of problem, e.g. sql-injection.' },
          title: { type: 'string', description: 'At most 12 words.' },
          explanation: { type: 'string', description: 'One sentence: why this line is a problem.' },
          recommendation: { type: 'string', description: 'One concrete fix for this line.' },
          confidence: {
            type: 'number',
            description: 'From 0 to 1: how sure you are this is a real problem.',
          },
        },
      },
    },
  },
};

/** One finding as the model reported it, before filtering. */
export interface ModelFinding {
  file: string;
  line: number;
  severity: 'high' | 'medium' | 'low';
  category: string;
  title: string;
  explanation: string;
  recommendation: string;
  confidence: number;
}

const clampToUnit = (value: number): number => Math.min(1, Math.max(0, value));

/** Validates one finding; the answer as a whole survives a malformed item. */
export const modelFindingSchema: z.ZodType<ModelFinding> = z.object({
  file: z.string().min(1),
  line: z.number().int().positive(),
  severity: z.enum(['high', 'medium', 'low']),
  category: z.string(),
  title: z.string().min(1),
  explanation: z.string(),
  recommendation: z.string(),
  confidence: z.number().transform(clampToUnit),
});

/** The answer's outer shape: items are checked one by one with `modelFindingSchema`. */
export const findingsAnswerSchema = z.object({ findings: z.array(z.unknown()) });
