import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { HANDOFF_AREAS } from '../handoffs/handoff-area.js';

const command = z.string().trim().min(1, 'must be a non-empty command');
const projectSchema = z.strictObject({
  path: z.string().trim().min(1, 'must be a path relative to the repository root, e.g. `services/api`'),
  install: command.optional(),
  test: command.optional(),
  lint: command.optional(),
});
const handoffSchema = z.strictObject({
  label: z.string().trim().min(1).max(50, 'GitHub labels are at most 50 characters').optional(),
  paths: z.array(z.string().min(1)).optional(),
  enabled: z.boolean().optional(),
});
const configSchema = z.strictObject({
  projects: z.array(projectSchema).default([]),
  ignore: z.array(z.string().min(1)).default([]),
  validation: z
    .strictObject({
      parallel: z.number().int().positive().optional(),
      'timeout-minutes': z.number().positive().optional(),
    })
    .default({}),
  handoffs: z.partialRecord(z.enum(HANDOFF_AREAS), handoffSchema).default({}),
  commands: z
    .strictObject({
      permission: z.enum(['write', 'maintain', 'admin']).default('write'),
      // Lets `/backend` commands and dispatch runs execute a fork's code with this repository's token.
      'run-fork-code': z.boolean().default(false),
    })
    .default({ permission: 'write', 'run-fork-code': false }),
  coverage: z
    .strictObject({
      threshold: z
        .number()
        .min(0, 'must be a percentage from 0 to 100')
        .max(100, 'must be a percentage from 0 to 100')
        .default(80),
      collect: z.boolean().default(false),
    })
    .default({ threshold: 80, collect: false }),
});

/** The repository's `.github/backend-developer.yml`, validated. */
export type Config = z.infer<typeof configSchema>;
export type HandoffSettings = z.infer<typeof handoffSchema>;

export const DEFAULT_CONFIG: Config = configSchema.parse({});

export type ConfigResult = { config: Config; errors: string[] };

function describe(issue: z.core.$ZodIssue): string {
  const key = issue.path.map(String).join('.') || '(top level)';
  if (issue.code === 'unrecognized_keys') {
    return `\`${key}\`: unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `\`${k}\``).join(', ')}; remove or rename ${issue.keys.length > 1 ? 'them' : 'it'} (see the README's config section).`;
  }
  return `\`${key}\`: ${issue.message}.`;
}

/**
 * Parses the config file's text. A broken file never stops the run: the errors name the key
 * and the fix, and the defaults apply.
 */
export function parseConfig(text: string | undefined, fileName: string): ConfigResult {
  if (text === undefined || text.trim() === '') return { config: DEFAULT_CONFIG, errors: [] };
  let raw: unknown;
  try {
    raw = parseYaml(text);
  } catch (error) {
    return {
      config: DEFAULT_CONFIG,
      errors: [`${fileName} is not valid YAML: ${(error as Error).message.split('\n')[0]}`],
    };
  }
  if (raw === null || raw === undefined) return { config: DEFAULT_CONFIG, errors: [] };
  const parsed = configSchema.safeParse(raw);
  if (parsed.success) return { config: parsed.data, errors: [] };
  return { config: DEFAULT_CONFIG, errors: parsed.error.issues.map((i) => `${fileName} ${describe(i)}`) };
}
