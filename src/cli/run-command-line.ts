import packageJson from '../../package.json' with { type: 'json' };
import { COMMANDS, OVERVIEW } from './command-help.js';
import { parseCommandLine } from './parse-command-line.js';
import { runDiscoverCommand } from './run-discover-command.js';
import { runReportCommand } from './run-report-command.js';
import { runReviewCommand } from './run-review-command.js';
import { runValidateCommand } from './run-validate-command.js';
import { UsageError } from './usage-error.js';

/**
 * The command line, start to exit code: 0 success, 1 validation failed or findings reached
 * `--fail-on`, 2 bad usage. Errors and warnings go to stderr; stdout carries only the result.
 */
export async function runCommandLine(argv: string[]): Promise<number> {
  try {
    const line = parseCommandLine(argv);
    switch (line.kind) {
      case 'version':
        process.stdout.write(`${packageJson.version}\n`);
        return 0;
      case 'help':
        process.stdout.write(`${line.command ? (COMMANDS[line.command]?.help ?? OVERVIEW) : OVERVIEW}\n`);
        return 0;
      case 'discover':
        return await runDiscoverCommand(line);
      case 'report':
        return await runReportCommand(line);
      case 'validate':
        return await runValidateCommand(line);
      case 'review':
        return await runReviewCommand(line);
    }
  } catch (error) {
    return reportError(error);
  }
}

function reportError(error: unknown): number {
  if (error instanceof UsageError) {
    const usage = error.command ? COMMANDS[error.command]?.help : OVERVIEW;
    process.stderr.write(`error: ${error.message}\n${error.showUsage && usage ? `\n${usage}\n` : ''}`);
    return 2;
  }
  process.stderr.write(`error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  return 1;
}
