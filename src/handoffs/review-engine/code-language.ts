import { languageOfPath as canonicalLanguageOfPath } from '../../changes/classify-file-path.js';

/** The programming languages the deterministic rules know, by their canonical names (PRODUCT.md). */
export type CodeLanguage =
  | 'javascript'
  | 'typescript'
  | 'python'
  | 'go'
  | 'java'
  | 'kotlin'
  | 'ruby'
  | 'php'
  | 'csharp'
  | 'rust'
  | 'elixir';

const REVIEWED: ReadonlySet<string> = new Set<CodeLanguage>([
  'javascript',
  'typescript',
  'python',
  'go',
  'java',
  'kotlin',
  'ruby',
  'php',
  'csharp',
  'rust',
  'elixir',
]);

function isReviewed(language: string): language is CodeLanguage {
  return REVIEWED.has(language);
}

/** The language of a source file, from its extension; null for anything that is not code we review. */
export function languageOfPath(path: string): CodeLanguage | null {
  // Type declarations describe code elsewhere; none of the rules apply to them.
  if (path.endsWith('.d.ts')) return null;
  const language = canonicalLanguageOfPath(path);
  return language !== undefined && isReviewed(language) ? language : null;
}

/** Languages whose blocks are delimited by braces (the rest use indentation or `do … end`). */
export function usesBraces(language: CodeLanguage): boolean {
  return language !== 'python' && language !== 'ruby' && language !== 'elixir';
}

/** True for JavaScript and TypeScript, which share almost every rule. */
export function isJavaScriptFamily(language: CodeLanguage | null): boolean {
  return language === 'javascript' || language === 'typescript';
}
