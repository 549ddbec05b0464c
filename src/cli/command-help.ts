/** What each command accepts: its options (long names) and its help text. */
export interface CommandSpec {
  /** Option names this command accepts, without `--`; `help` is always accepted. */
  options: readonly string[];
  /** Positional arguments after the command: `[dir]` for most, `<area> [dir]` for review. */
  positionals: { min: number; max: number };
  help: string;
}

const COMMON = [
  '  --config <path>       config file (default: .github/backend-developer.yml in dir)',
  '  --json                print JSON instead of text',
  '  -h, --help            show this help',
];
const FAIL_ON = '  --fail-on <level>     exit 1 on: never, test-failure (default), lint, high-findings';
const VERBOSE = '  --verbose             stream the output of every command to stderr as it arrives';
const REFS = [
  '  --base <ref>          the branch the change merges into (default: origin/HEAD, main or master)',
  '  --head <ref>          the commit to analyse (default: HEAD); any other commit is checked out',
  '                        in a temporary worktree, so your checkout is never modified',
];

function help(usage: string, summary: string, options: string[]): string {
  return [`Usage: ${usage}`, '', summary, '', 'Options:', ...options].join('\n');
}

/** The four commands, with exactly the options PRODUCT.md gives each. */
export const COMMANDS: Readonly<Record<string, CommandSpec>> = {
  discover: {
    options: ['json', 'config'],
    positionals: { min: 0, max: 1 },
    help: help(
      'backend-developer discover [dir] [options]',
      'Lists the projects in dir (default: .): language, package manager, frameworks, data stores,\nand the install, test and lint commands with the file each came from.',
      COMMON,
    ),
  },
  report: {
    options: ['base', 'head', 'type', 'no-validate', 'json', 'config', 'fail-on', 'verbose'],
    positionals: { min: 0, max: 1 },
    help: help(
      'backend-developer report [dir] [options]',
      'Prints the pull-request report for the change from --base to --head in the git checkout dir\n(default: .): stack, changed files and endpoints, tests run for real, reviews, Definition of Done.\nCommands run in a temporary copy or worktree: your checkout is never modified.',
      [
        ...REFS,
        '  --type <type>         auto (default), implementation or bugfix',
        '  --no-validate         do not run install, test and lint commands',
        FAIL_ON,
        VERBOSE,
        ...COMMON,
      ],
    ),
  },
  validate: {
    options: ['project', 'json', 'config', 'fail-on', 'verbose'],
    positionals: { min: 0, max: 1 },
    help: help(
      'backend-developer validate [dir] [options]',
      "Runs each project's install, test and lint commands in dir (default: .) and prints the results.\nCommands run in a temporary copy: your checkout is never modified.",
      [
        '  --project <path>      validate only this project (a path from `discover`)',
        FAIL_ON,
        VERBOSE,
        ...COMMON,
      ],
    ),
  },
  review: {
    options: ['base', 'head', 'json', 'config', 'fail-on'],
    positionals: { min: 1, max: 2 },
    help: help(
      'backend-developer review <area> [dir] [options]',
      "Runs one handoff area's review of the change from --base to --head in the git checkout dir\n(default: .). Areas: security, performance, code-review, api-design, qa, devops, database.",
      [
        ...REFS,
        '  --fail-on <level>     exit 1 on: never, high-findings (default), test-failure, lint',
        ...COMMON,
      ],
    ),
  },
};

/** The overview printed by `--help` and after an error without a command. */
export const OVERVIEW = `Usage:
  backend-developer discover [dir] [--json]
  backend-developer report   [dir] [--base <ref>] [--head <ref>] [--type auto|implementation|bugfix] [--no-validate] [--json]
  backend-developer validate [dir] [--project <path>] [--json]
  backend-developer review <area> [dir] [--base <ref>] [--head <ref>] [--json]
  backend-developer --version | <command> --help

Common options: --config <path>, --fail-on never|test-failure|lint|high-findings (report, validate,
review), --verbose (report, validate: stream command output live).

Exit codes: 0 success, 1 validation failed or findings reached --fail-on, 2 bad usage.
Errors and warnings go to stderr; stdout carries only the report or JSON.`;
