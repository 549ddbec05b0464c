/** Bad command-line usage: printed with the usage text, exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

export const USAGE = `Usage:
  backend-developer discover [dir] [--json]
  backend-developer report   [dir] [--base <ref>] [--head <ref>] [--type auto|implementation|bugfix] [--no-validate] [--json]
  backend-developer validate [dir] [--project <path>] [--json]
  backend-developer review <area> [dir] [--base <ref>] [--json]

Options:
  --config <path>   config file (default: .github/backend-developer.yml in dir)
  --verbose         print the output of every command that runs
  -h, --help        show this help

Exit codes: 0 success, 1 validation failed or findings reached --fail-on, 2 bad usage.`;
