import { z } from 'zod';
import type { LintIssue } from '../validation-result.js';
import { type ParsedLint, lintFromIssues } from './parsed-output.js';

const eslintReport = z.array(
  z.object({
    filePath: z.string(),
    messages: z.array(
      z.object({
        ruleId: z.string().nullable().optional(),
        severity: z.number(),
        message: z.string(),
        line: z.number().optional(),
      }),
    ),
  }),
);

/**
 * Read `eslint -f json` output: an array of files with their messages
 * (severity 2 is an error, 1 a warning). The JSON may share the output with
 * npm's banner lines, so the array is looked for on its own line.
 */
export function parseEslintJsonOutput(text: string): ParsedLint | null {
  for (const candidate of text.split('\n').filter((line) => line.startsWith('[{"filePath"'))) {
    let json: unknown;
    try {
      json = JSON.parse(candidate);
    } catch {
      continue;
    }
    const report = eslintReport.safeParse(json);
    if (!report.success) continue;
    const issues: LintIssue[] = report.data.flatMap((file) =>
      file.messages.map((message) => ({
        severity: message.severity >= 2 ? ('error' as const) : ('warning' as const),
        message: message.message,
        ...(message.ruleId ? { rule: message.ruleId } : {}),
        file: file.filePath,
        ...(message.line !== undefined ? { line: message.line } : {}),
      })),
    );
    return lintFromIssues(issues, 'ESLint JSON output');
  }
  return null;
}
