/** The programming languages the code model reads, by their canonical names (PRODUCT.md). */
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

/** Every language a path can be counted as, read or not: the code languages plus a few seen beside them. */
const LANGUAGE_BY_EXTENSION: Readonly<Record<string, string>> = {
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
  rs: 'rust',
  java: 'java',
  kt: 'kotlin',
  kts: 'kotlin',
  scala: 'scala',
  groovy: 'groovy',
  rb: 'ruby',
  rake: 'ruby',
  php: 'php',
  cs: 'csharp',
  fs: 'fsharp',
  ex: 'elixir',
  exs: 'elixir',
  swift: 'swift',
  c: 'c',
  cc: 'cpp',
  cpp: 'cpp',
  h: 'c',
  hpp: 'cpp',
};

const CODE_LANGUAGES: ReadonlySet<string> = new Set<CodeLanguage>([
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

function extensionOf(path: string): string | undefined {
  const dot = path.lastIndexOf('.');
  if (dot < path.lastIndexOf('/') + 1) return undefined;
  return path.slice(dot + 1).toLowerCase();
}

/** Canonical language of a file by its extension (any language, read or not), or undefined for non-code files. */
export function languageOfPath(path: string): string | undefined {
  const extension = extensionOf(path);
  return extension === undefined ? undefined : LANGUAGE_BY_EXTENSION[extension];
}

/** The language of a file the code model reads, or null (type declarations describe code elsewhere: null too). */
export function codeLanguageOfPath(path: string): CodeLanguage | null {
  if (/\.d\.[cm]?ts$/.test(path)) return null;
  const language = languageOfPath(path);
  return language !== undefined && CODE_LANGUAGES.has(language) ? (language as CodeLanguage) : null;
}

/** True for JavaScript and TypeScript, which share almost every reader and rule. */
export function isJavaScriptFamily(language: string | null | undefined): boolean {
  return language === 'javascript' || language === 'typescript';
}

/** Languages whose blocks are delimited by braces (the rest use indentation or `do … end`). */
export function usesBraces(language: CodeLanguage): boolean {
  return language !== 'python' && language !== 'ruby' && language !== 'elixir';
}
