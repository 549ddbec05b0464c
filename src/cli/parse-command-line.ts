import { parseArgs } from 'node:util';
import type { FailOn } from '../validation/decide-exit.js';
import { COMMANDS } from './command-help.js';
import { UsageError } from './usage-error.js';

/** Every option any command has; each command accepts the subset in COMMANDS. */
const ALL_OPTIONS = {
  json: { type: 'boolean' },
  base: { type: 'string' },
  head: { type: 'string' },
  type: { type: 'string' },
  'no-validate': { type: 'boolean' },
  project: { type: 'string' },
  config: { type: 'string' },
  'fail-on': { type: 'string' },
  verbose: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'V' },
} as const;

type OptionName = keyof typeof ALL_OPTIONS;

export interface CommonOptions {
  dir: string;
  json: boolean;
  verbose: boolean;
  config?: string;
  failOn?: FailOn;
}

export type CommandLine =
  | { kind: 'help'; command?: string }
  | { kind: 'version' }
  | ({ kind: 'discover' } & CommonOptions)
  | ({
      kind: 'report';
      base?: string;
      head?: string;
      type: 'auto' | 'implementation' | 'bugfix';
      validate: boolean;
    } & CommonOptions)
  | ({ kind: 'validate'; project?: string } & CommonOptions)
  | ({ kind: 'review'; area: string; base?: string; head?: string } & CommonOptions);

const FAIL_ON: readonly FailOn[] = ['never', 'test-failure', 'lint', 'high-findings'];
const REPORT_TYPES = ['auto', 'implementation', 'bugfix'] as const;

/**
 * Reads the command line with node's own parser: the command is the first positional argument;
 * options of another command, unknown options and stray arguments are usage errors naming the fix.
 */
export function parseCommandLine(argv: string[]): CommandLine {
  const { tokens } = parseArgs({
    args: argv,
    options: ALL_OPTIONS,
    strict: false,
    allowPositionals: true,
    tokens: true,
  });
  const first = tokens.find((token) => token.kind === 'positional');
  const command = first?.kind === 'positional' ? first.value : undefined;
  const spec = command === undefined ? undefined : COMMANDS[command];
  if (command !== undefined && !spec) {
    if (command === 'help') return { kind: 'help' };
    throw new UsageError(`unknown command \`${command}\`; commands: ${Object.keys(COMMANDS).join(', ')}.`);
  }
  const optionNames = tokens.flatMap((token) => (token.kind === 'option' ? [token.name] : []));
  if (!spec) {
    if (optionNames.includes('version')) return { kind: 'version' };
    if (optionNames.includes('help')) return { kind: 'help' };
    throw new UsageError(command === undefined ? 'no command given.' : `unknown command \`${command}\`.`);
  }
  for (const name of optionNames) checkOption(name, command as string, spec.options);
  const args = argv.filter((_, index) => index !== first?.index);
  const { values, positionals } = strictParse(args, command as string);
  if (values.help) return { kind: 'help', command: command as string };
  if (positionals.length < spec.positionals.min || positionals.length > spec.positionals.max)
    throw new UsageError(positionalProblem(command as string, positionals), command);
  return build(command as string, values, positionals);
}

function checkOption(name: string, command: string, accepted: readonly string[]): void {
  if (name === 'help' || accepted.includes(name)) return;
  if (name === 'version')
    throw new UsageError('`--version` takes no command: run `backend-developer --version`.', command);
  const owners = Object.entries(COMMANDS)
    .filter(([, spec]) => spec.options.includes(name))
    .map(([owner]) => owner);
  throw new UsageError(
    owners.length > 0
      ? `\`--${name}\` is not an option of \`${command}\` (it belongs to ${owners.join(', ')}).`
      : `unknown option \`${name.length === 1 ? `-${name}` : `--${name}`}\` for \`${command}\`.`,
    command,
  );
}

function strictParse(args: string[], command: string) {
  try {
    return parseArgs({ args, options: ALL_OPTIONS, strict: true, allowPositionals: true });
  } catch (error) {
    // node's messages name the option and what it lacks, e.g. "Option '--base <value>' argument missing".
    throw new UsageError(error instanceof Error ? error.message : String(error), command);
  }
}

function positionalProblem(command: string, positionals: string[]): string {
  if (command === 'review' && positionals.length === 0)
    return '`review` needs an area: security, performance, code-review, api-design, qa, devops, database.';
  return `too many arguments for \`${command}\`: ${positionals.map((p) => `\`${p}\``).join(' ')}.`;
}

type Values = ReturnType<typeof strictParse>['values'];

function build(command: string, values: Values, positionals: string[]): CommandLine {
  const dirIndex = command === 'review' ? 1 : 0;
  const common: CommonOptions = {
    dir: positionals[dirIndex] ?? '.',
    json: values.json === true,
    verbose: values.verbose === true,
    ...(values.config !== undefined ? { config: values.config } : {}),
    ...(values['fail-on'] !== undefined
      ? { failOn: oneOf('fail-on', values['fail-on'], FAIL_ON, command) }
      : {}),
  };
  const refs = {
    ...(values.base !== undefined ? { base: values.base } : {}),
    ...(values.head !== undefined ? { head: values.head } : {}),
  };
  switch (command) {
    case 'discover':
      return { kind: 'discover', ...common };
    case 'report':
      return {
        kind: 'report',
        ...common,
        ...refs,
        type: oneOf('type', values.type ?? 'auto', REPORT_TYPES, command),
        validate: values['no-validate'] !== true,
      };
    case 'validate':
      return {
        kind: 'validate',
        ...common,
        ...(values.project !== undefined ? { project: values.project } : {}),
      };
    default:
      return { kind: 'review', area: positionals[0] ?? '', ...common, ...refs };
  }
}

function oneOf<T extends string>(name: OptionName, value: string, allowed: readonly T[], command: string): T {
  const found = allowed.find((candidate) => candidate === value);
  if (found !== undefined) return found;
  throw new UsageError(`\`--${name}\` must be one of ${allowed.join(', ')}; got \`${value}\`.`, command);
}
