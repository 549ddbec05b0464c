import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { Language, Parser } from 'web-tree-sitter';
import { bundledFileName, GRAMMAR_FILES, RUNTIME_FILE, type Grammar } from './grammar.js';

let runtime: Promise<void> | undefined;
const languages = new Map<Grammar, Language>();
const failures = new Map<Grammar, string>();

/**
 * Finds a WebAssembly file: beside the bundle (`dist/grammars/`, where the build copies the
 * grammars, since an action runs with no `node_modules`), else in the installed package
 * (tests and the CLI run from source).
 */
function locate(source: { package: string; file: string }): string {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const bundled = path.join(here, 'grammars', bundledFileName(source));
  if (existsSync(bundled)) return bundled;
  return createRequire(import.meta.url).resolve(`${source.package}/${source.file}`);
}

function startRuntime(): Promise<void> {
  runtime ??= Parser.init({ wasmBinary: readFileSync(locate(RUNTIME_FILE)) });
  return runtime;
}

async function loadOne(grammar: Grammar): Promise<void> {
  if (languages.has(grammar) || failures.has(grammar)) return;
  try {
    languages.set(grammar, await Language.load(readFileSync(locate(GRAMMAR_FILES[grammar]))));
  } catch (error) {
    failures.set(grammar, error instanceof Error ? error.message : String(error));
  }
}

/**
 * Loads the grammars a run needs, once each: only the languages a pull request touches
 * are loaded (the Kotlin and C# grammars alone are 8 MB). A grammar that cannot be loaded
 * is remembered as missing; its files are then read without a tree and the report says so.
 */
export async function loadGrammars(grammars: Iterable<Grammar>): Promise<void> {
  await startRuntime();
  for (const grammar of new Set(grammars)) await loadOne(grammar);
}

/** A loaded grammar, or undefined when it was not asked for or could not be loaded. */
export function loadedLanguage(grammar: Grammar): Language | undefined {
  return languages.get(grammar);
}

/** Why a grammar could not be loaded, when it could not. */
export function grammarFailure(grammar: Grammar): string | undefined {
  return failures.get(grammar);
}
