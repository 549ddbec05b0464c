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
    files: [
      'src/discovery/**',
      'src/changes/**',
      'src/report/**',
      'src/handoffs/**',
      'src/validation/parsers/**',
    ],
    rules: { 'no-restricted-imports': ['error', outsideWorld] },
  },
);
