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

const EXTENSIONS: Readonly<Record<string, CodeLanguage>> = {
  js: 'javascript',
  jsx: 'javascript',
  mjs: 'javascript',
  cjs: 'javascript',
  ts: 'typescript',
  tsx: 'typescript',
  mts: 'typescript',
  cts: 'typescript',
  py: 'python',
  go: 'go',
  java: 'java',
  kt: 'kotlin',
  kts: 'kotlin',
  rb: 'ruby',
  rake: 'ruby',
  php: 'php',
  cs: 'csharp',
  rs: 'rust',
  ex: 'elixir',
  exs: 'elixir',
};

/** The language of a source file, from its extension; null for anything that is not code we review. */
export function languageOfPath(path: string): CodeLanguage | null {
  const name = path.slice(path.lastIndexOf('/') + 1);
  const dot = name.lastIndexOf('.');
  if (dot <= 0) return null;
  // Type declarations describe code elsewhere; none of the rules apply to them.
  if (name.endsWith('.d.ts')) return null;
  return EXTENSIONS[name.slice(dot + 1).toLowerCase()] ?? null;
}

/** Languages whose blocks are delimited by braces (the rest use indentation or `do … end`). */
export function usesBraces(language: CodeLanguage): boolean {
  return language !== 'python' && language !== 'ruby' && language !== 'elixir';
}

/** True for JavaScript and TypeScript, which share almost every rule. */
export function isJavaScriptFamily(language: CodeLanguage | null): boolean {
  return language === 'javascript' || language === 'typescript';
}
