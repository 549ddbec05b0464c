import type { LintOutputParser } from './parsed-output.js';
import { parseEslintJsonOutput } from './parse-eslint-json-output.js';
import { parseEslintStylishOutput } from './parse-eslint-stylish-output.js';
import { parseFlake8Output } from './parse-flake8-output.js';
import { parseGolangciLintOutput } from './parse-golangci-lint-output.js';
import { parseMypyOutput } from './parse-mypy-output.js';
import { parsePylintOutput } from './parse-pylint-output.js';
import { parseRubocopOutput } from './parse-rubocop-output.js';
import { parseRuffOutput } from './parse-ruff-output.js';
import { parseRustcDiagnostics } from './parse-rustc-diagnostics.js';
import { parseTscOutput } from './parse-tsc-output.js';

/** Every lint-output reader; all that recognise something contribute (see parseCommandOutput). */
export const LINT_OUTPUT_PARSERS: readonly LintOutputParser[] = [
  { name: 'eslint-json', parse: parseEslintJsonOutput },
  { name: 'eslint-stylish', parse: parseEslintStylishOutput },
  { name: 'tsc', parse: parseTscOutput },
  { name: 'ruff', parse: parseRuffOutput },
  { name: 'flake8', parse: parseFlake8Output },
  { name: 'mypy', parse: parseMypyOutput },
  { name: 'pylint', parse: parsePylintOutput },
  { name: 'rubocop', parse: parseRubocopOutput },
  { name: 'golangci-lint', parse: parseGolangciLintOutput },
  { name: 'rustc', parse: parseRustcDiagnostics },
];

/** Readers that describe the same lines as an earlier one: Ruff's concise layout is flake8's. */
export const LINT_EXCLUDED_AFTER: Readonly<Record<string, readonly string[]>> = {
  ruff: ['flake8'],
};
