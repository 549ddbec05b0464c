import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// Domain folders hold pure logic: they take data and return data. Only adapters
// (src/github, src/llm) and the composition roots may talk to the outside world.
const outsideWorld = {
  patterns: [
    {
      group: ['@actions/*'],
      message: 'Domain code must not import @actions/*: take what you need as arguments.',
    },
    { group: ['@octokit/*'], message: 'Only src/github may import Octokit.' },
    { group: ['@anthropic-ai/*'], message: 'Only src/llm may import the Anthropic SDK.' },
  ],
};

// One reader of source code: only src/code parses (tree-sitter) or reads diffs (parse-diff).
const parsers = [
  {
    group: ['web-tree-sitter', '@vscode/tree-sitter-wasm', 'tree-sitter-*', '@tree-sitter-grammars/*'],
    message: 'Only src/code reads source: use its syntax trees and facts.',
  },
  { group: ['parse-diff'], message: 'Only src/code reads diffs: use its changed-file model.' },
  {
    group: ['libpg-query', 'libpg-query/*', 'node-sql-parser', 'node-sql-parser/*', '@pgsql/*'],
    message: 'Only src/code parses SQL: use src/code/sql.',
  },
];
// Facts and rules meet at the facts' contract (src/changes/*.ts), never inside each other.
const factInternals = {
  group: ['**/changes/*/**'],
  message: 'Rules read the facts of src/changes/change-analysis.ts, not the readers behind them.',
};
const ruleInternals = {
  group: ['**/handoffs/**'],
  message: 'Facts do not depend on the rules that read them.',
};

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'test/fixtures/**', 'examples/**', 'coverage/**', '.tmp/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    // Plain Node scripts (build, demo, benchmarks).
    files: ['**/*.mjs', '**/*.js'],
    languageOptions: {
      globals: { process: 'readonly', console: 'readonly', URL: 'readonly', Buffer: 'readonly' },
    },
  },
  {
    files: ['src/**'],
    ignores: ['src/code/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: parsers }] },
  },
  {
    files: [
      'src/discovery/**',
      'src/report/**',
      'src/markdown/**',
      'src/policy/**',
      'src/validation/parsers/**',
    ],
    rules: { 'no-restricted-imports': ['error', { patterns: [...outsideWorld.patterns, ...parsers] }] },
  },
  {
    files: ['src/changes/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [...outsideWorld.patterns, ...parsers, ruleInternals] }],
    },
  },
  {
    files: ['src/handoffs/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [...outsideWorld.patterns, ...parsers, factInternals] }],
    },
  },
);
