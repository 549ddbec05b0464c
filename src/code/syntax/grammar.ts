import type { CodeLanguage } from '../language.js';
import { codeLanguageOfPath } from '../language.js';

/** A tree-sitter grammar: one per code language, except TypeScript, whose `.tsx` files need their own. */
export type Grammar = CodeLanguage | 'tsx';

/** Where each grammar's WebAssembly file comes from: the npm package and its path inside it. */
export const GRAMMAR_FILES: Readonly<Record<Grammar, { package: string; file: string }>> = {
  javascript: { package: '@vscode/tree-sitter-wasm', file: 'wasm/tree-sitter-javascript.wasm' },
  typescript: { package: '@vscode/tree-sitter-wasm', file: 'wasm/tree-sitter-typescript.wasm' },
  tsx: { package: '@vscode/tree-sitter-wasm', file: 'wasm/tree-sitter-tsx.wasm' },
  python: { package: '@vscode/tree-sitter-wasm', file: 'wasm/tree-sitter-python.wasm' },
  go: { package: '@vscode/tree-sitter-wasm', file: 'wasm/tree-sitter-go.wasm' },
  java: { package: '@vscode/tree-sitter-wasm', file: 'wasm/tree-sitter-java.wasm' },
  csharp: { package: '@vscode/tree-sitter-wasm', file: 'wasm/tree-sitter-c-sharp.wasm' },
  ruby: { package: '@vscode/tree-sitter-wasm', file: 'wasm/tree-sitter-ruby.wasm' },
  php: { package: '@vscode/tree-sitter-wasm', file: 'wasm/tree-sitter-php.wasm' },
  rust: { package: '@vscode/tree-sitter-wasm', file: 'wasm/tree-sitter-rust.wasm' },
  elixir: { package: 'tree-sitter-elixir', file: 'tree-sitter-elixir.wasm' },
  kotlin: { package: '@tree-sitter-grammars/tree-sitter-kotlin', file: 'tree-sitter-kotlin.wasm' },
};

/** The runtime's own WebAssembly file. */
export const RUNTIME_FILE = { package: 'web-tree-sitter', file: 'web-tree-sitter.wasm' } as const;

/** The name a grammar's file gets beside the bundle (`dist/grammars/<name>`). */
export function bundledFileName(source: { file: string }): string {
  return source.file.slice(source.file.lastIndexOf('/') + 1);
}

/** The grammar that parses a file, by its extension; undefined for files the code model does not parse. */
export function grammarOfPath(path: string): Grammar | undefined {
  const language = codeLanguageOfPath(path);
  if (language === null) return undefined;
  if (language === 'typescript' && /\.tsx$/i.test(path)) return 'tsx';
  return language;
}

/** Every grammar the action ships. */
export const ALL_GRAMMARS = Object.keys(GRAMMAR_FILES) as Grammar[];
