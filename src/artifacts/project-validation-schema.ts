import { z } from 'zod';
import type { ProjectValidation } from '../validation/validation-result.js';

// Loose objects keep fields this schema does not list yet: optional fields added
// to the result types later must survive the trip through an artifact.
const testCountsSchema = z.looseObject({
  passed: z.number().int().nonnegative(),
  failed: z.number().int().nonnegative(),
  skipped: z.number().int().nonnegative(),
});

const testFailureSchema = z.looseObject({
  name: z.string(),
  message: z.string().optional(),
  file: z.string().optional(),
  line: z.number().int().optional(),
});

const lintIssueSchema = z.looseObject({
  severity: z.enum(['error', 'warning']),
  message: z.string(),
  rule: z.string().optional(),
  file: z.string().optional(),
  line: z.number().int().optional(),
});

const commandResultSchema = z.looseObject({
  kind: z.enum(['install', 'test', 'lint']),
  run: z.string(),
  outcome: z.enum(['passed', 'failed', 'timed-out', 'skipped', 'error', 'no-tests']),
  exitCode: z.number().int().nullable(),
  durationMs: z.number().nonnegative(),
  reason: z.string().optional(),
  outputTail: z.string(),
  tests: z
    .looseObject({
      counts: testCountsSchema,
      failures: z.array(testFailureSchema),
      parsedFrom: z.string(),
      note: z.string().optional(),
    })
    .optional(),
  lint: z
    .looseObject({
      errors: z.number().int().nonnegative(),
      warnings: z.number().int().nonnegative(),
      issues: z.array(lintIssueSchema),
      parsedFrom: z.string(),
    })
    .optional(),
  outputTruncated: z.boolean().optional(),
});

/** The shape of `ProjectValidation` (src/validation/validation-result.ts), checked when a saved result is read back. */
export const projectValidationSchema = z.looseObject({
  project: z.string().min(1),
  outcome: z.enum(['passed', 'failed', 'skipped', 'no-tests']),
  commands: z.array(commandResultSchema),
  durationMs: z.number().nonnegative().optional(),
}) satisfies z.ZodType<ProjectValidation>;
