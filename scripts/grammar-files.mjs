// The build reads the grammar table from the source, so the files copied are the files loaded.
import { build } from 'esbuild';

const result = await build({
  entryPoints: ['src/code/syntax/grammar.ts'],
  bundle: true,
  format: 'esm',
  platform: 'node',
  write: false,
  logLevel: 'warning',
});
const module = await import(
  `data:text/javascript;base64,${Buffer.from(result.outputFiles[0].text).toString('base64')}`
);
export const { GRAMMAR_FILES, RUNTIME_FILE, bundledFileName } = module;

// The same for the PostgreSQL parser's WebAssembly file.
const sqlResult = await build({
  entryPoints: ['src/code/sql/postgres-parser-file.ts'],
  bundle: true,
  format: 'esm',
  platform: 'node',
  write: false,
  logLevel: 'warning',
});
const sqlModule = await import(
  `data:text/javascript;base64,${Buffer.from(sqlResult.outputFiles[0].text).toString('base64')}`
);
export const { POSTGRES_PARSER_FILE } = sqlModule;
