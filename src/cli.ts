import path from 'node:path';
import { parseArgs } from 'node:util';
import { runDiscoverCommand } from './cli/run-discover-command.js';
import { runReportCommand } from './cli/run-report-command.js';
import { runReviewCommand } from './cli/run-review-command.js';
import { runValidateCommand } from './cli/run-validate-command.js';
import { UsageError, USAGE } from './cli/usage-error.js';

const OPTIONS = {
  json: { type: 'boolean', default: false },
  base: { type: 'string' },
  head: { type: 'string', default: 'HEAD' },
  type: { type: 'string', default: 'auto' },
  'no-validate': { type: 'boolean', default: false },
  project: { type: 'string' },
  config: { type: 'string' },
  verbose: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

function parse(argv: string[]) {
  try {
    return parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

function reportType(value: string): 'auto' | 'implementation' | 'bugfix' {
  if (value === 'auto' || value === 'implementation' || value === 'bugfix') return value;
  throw new UsageError(`--type must be auto, implementation or bugfix, got \`${value}\`.`);
}

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv);
  const [command, ...rest] = positionals;
  if (values.help || command === undefined || command === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return command === undefined && !values.help ? 2 : 0;
  }
  const dir = (index: number) => path.resolve(rest[index] ?? '.');
  const config = values.config !== undefined ? { config: values.config } : {};
  switch (command) {
    case 'discover':
      return runDiscoverCommand(dir(0), { json: values.json, ...config });
    case 'report':
      return runReportCommand(dir(0), {
        ...(values.base !== undefined ? { base: values.base } : {}),
        head: values.head,
        type: reportType(values.type),
        validate: !values['no-validate'],
        json: values.json,
        verbose: values.verbose,
        ...config,
      });
    case 'validate':
      return runValidateCommand(dir(0), {
        json: values.json,
        verbose: values.verbose,
        ...(values.project !== undefined ? { project: values.project } : {}),
        ...config,
      });
    case 'review':
      return runReviewCommand(rest[0], path.resolve(rest[1] ?? '.'), {
        json: values.json,
        ...(values.base !== undefined ? { base: values.base } : {}),
        ...config,
      });
    default:
      throw new UsageError(`Unknown command \`${command}\`.`);
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof UsageError) {
      process.stderr.write(`error: ${error.message}\n\n${USAGE}\n`);
      process.exitCode = 2;
    } else {
      process.stderr.write(
        `error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
      );
      process.exitCode = 1;
    }
  },
);
