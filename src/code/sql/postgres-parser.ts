import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ParseResult } from '@pgsql/types';
import { POSTGRES_PARSER_FILE } from './postgres-parser-file.js';

/** What the Emscripten module of libpg-query exposes (the package's own wrapper loads eagerly at import, so it is not used). */
interface PgQueryModule {
  _malloc(size: number): number;
  _free(pointer: number): void;
  _wasm_parse_query_raw(query: number): number;
  _wasm_free_parse_result(result: number): void;
  _wasm_scan(query: number): number;
  _wasm_free_string(pointer: number): void;
  getValue(pointer: number, type: 'i32'): number;
  UTF8ToString(pointer: number): string;
  stringToUTF8(text: string, pointer: number, size: number): void;
  lengthBytesUTF8(text: string): number;
}

/** One token of the PostgreSQL scanner; offsets are UTF-8 byte offsets. */
export interface PostgresToken {
  start: number;
  end: number;
  tokenName: string;
}

let loading: Promise<PgQueryModule | undefined> | undefined;
let loaded: PgQueryModule | undefined;
let failure: string | undefined;

/** Beside the bundle (`dist/sql/`) when the action runs; in the installed package when tests run from source. */
function locateWasm(): string {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const bundled = path.join(here, 'sql', path.basename(POSTGRES_PARSER_FILE.file));
  if (existsSync(bundled)) return bundled;
  return createRequire(import.meta.url).resolve(
    `${POSTGRES_PARSER_FILE.package}/${POSTGRES_PARSER_FILE.file}`,
  );
}

/**
 * Loads the PostgreSQL parser once (about 0.2 s to compile its WebAssembly); only runs that
 * read SQL pay for it. A parser that cannot load is remembered: SQL is then read by the
 * other dialects' parsers and the report says PostgreSQL syntax could not be read.
 */
export function loadPostgresParser(): Promise<void> {
  loading ??= (async () => {
    try {
      const { default: createModule } = await import('libpg-query/wasm/libpg-query.js');
      const wasm = locateWasm();
      loaded = (await createModule({ locateFile: () => wasm })) as PgQueryModule;
      return loaded;
    } catch (error) {
      failure = error instanceof Error ? error.message : String(error);
      return undefined;
    }
  })();
  return loading.then(() => undefined);
}

/** Why the PostgreSQL parser could not be loaded, when it could not. */
export function postgresParserFailure(): string | undefined {
  return failure;
}

/** True once the parser is loaded. */
export function postgresParserReady(): boolean {
  return loaded !== undefined;
}

function withCString<T>(module: PgQueryModule, text: string, use: (pointer: number) => T): T {
  const size = module.lengthBytesUTF8(text) + 1;
  const pointer = module._malloc(size);
  try {
    module.stringToUTF8(text, pointer, size);
    return use(pointer);
  } finally {
    module._free(pointer);
  }
}

/** Parses SQL with PostgreSQL's own parser: the statements, or undefined when the text is not valid PostgreSQL. */
export function parsePostgres(sql: string): ParseResult | undefined {
  const module = loaded;
  if (!module || sql.trim() === '') return undefined;
  return withCString(module, sql, (query) => {
    const result = module._wasm_parse_query_raw(query);
    if (!result) return undefined;
    try {
      const tree = module.getValue(result, 'i32');
      const error = module.getValue(result + 8, 'i32');
      if (error || !tree) return undefined;
      return JSON.parse(module.UTF8ToString(tree)) as ParseResult;
    } finally {
      module._wasm_free_parse_result(result);
    }
  });
}

/** The tokens of SQL as PostgreSQL's scanner reads them (comments included); undefined when it cannot (an unterminated string). */
export function scanPostgres(sql: string): PostgresToken[] | undefined {
  const module = loaded;
  if (!module) return undefined;
  return withCString(module, sql, (query) => {
    const result = module._wasm_scan(query);
    try {
      const parsed = JSON.parse(module.UTF8ToString(result)) as { tokens?: PostgresToken[] };
      return parsed.tokens ?? [];
    } catch {
      return undefined;
    } finally {
      if (result) module._wasm_free_string(result);
    }
  });
}
