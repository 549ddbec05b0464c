import { z } from 'zod';
import type { ProjectValidation } from '../validation/validation-result.js';
import { projectValidationSchema } from './project-validation-schema.js';

/** The format version written by this action; bump it when a saved result can no longer be read the old way. */
export const VALIDATION_ENVELOPE_SCHEMA = 1;

/** The file inside each validation artifact. */
export const VALIDATION_RESULT_FILE_NAME = 'validation-result.json';

/** What one validation artifact holds. */
export interface ValidationResultEnvelope {
  schema: typeof VALIDATION_ENVELOPE_SCHEMA;
  project: string;
  result: ProjectValidation;
}

/** The outcome of reading one saved result: the result, or a sentence saying why it cannot be used. */
export type ReadEnvelopeOutcome = { ok: true; result: ProjectValidation } | { ok: false; problem: string };

const versionSchema = z.looseObject({ schema: z.unknown().optional() });

const envelopeSchema = z.object({
  schema: z.literal(VALIDATION_ENVELOPE_SCHEMA),
  project: z.string().min(1),
  result: projectValidationSchema,
});

/** The JSON text a validate job saves for one project. */
export function writeValidationResultEnvelope(result: ProjectValidation): string {
  const envelope: ValidationResultEnvelope = {
    schema: VALIDATION_ENVELOPE_SCHEMA,
    project: result.project,
    result,
  };
  return `${JSON.stringify(envelope, null, 2)}\n`;
}

function describeIssues(error: z.ZodError): string {
  const shown = error.issues.slice(0, 3).map((issue) => {
    const where = issue.path.length === 0 ? '(top level)' : issue.path.map(String).join('.');
    return `${where}: ${issue.message}`;
  });
  const more = error.issues.length > shown.length ? ` (and ${error.issues.length - shown.length} more)` : '';
  return `${shown.join('; ')}${more}`;
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false; reason: string } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * Reads the text of one saved result. Never throws: bad JSON, another format
 * version or a wrong shape come back as a problem naming `source` (the
 * artifact) and what to do about it.
 */
export function readValidationResultEnvelope(text: string, source: string): ReadEnvelopeOutcome {
  const json = parseJson(text);
  if (!json.ok) {
    return { ok: false, problem: `The validation result in ${source} is not valid JSON (${json.reason}).` };
  }
  const versioned = versionSchema.safeParse(json.value);
  if (!versioned.success) {
    return { ok: false, problem: `The validation result in ${source} is not a JSON object.` };
  }
  const version = versioned.data.schema;
  if (version === undefined) {
    return {
      ok: false,
      problem: `The validation result in ${source} has no format version: it was not saved by this action.`,
    };
  }
  if (version !== VALIDATION_ENVELOPE_SCHEMA) {
    return {
      ok: false,
      problem:
        `The validation result in ${source} has format version ${JSON.stringify(version)}, ` +
        `but this action reads version ${VALIDATION_ENVELOPE_SCHEMA}: use the same version of the action in the validate and report jobs.`,
    };
  }
  const envelope = envelopeSchema.safeParse(json.value);
  if (!envelope.success) {
    return {
      ok: false,
      problem: `The validation result in ${source} is incomplete: ${describeIssues(envelope.error)}.`,
    };
  }
  if (envelope.data.result.project !== envelope.data.project) {
    return {
      ok: false,
      problem: `The validation result in ${source} is labelled \`${envelope.data.project}\` but holds the result of \`${envelope.data.result.project}\`.`,
    };
  }
  return { ok: true, result: envelope.data.result };
}
