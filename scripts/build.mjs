// Bundles the action and the command line into dist/. Both files are committed:
// a GitHub Action runs straight from the repository, with no install step.
// dist/licenses.txt lists the licence of every package the bundles and grammars contain.
import { build } from 'esbuild';
import { copyFileSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { thirdPartyLicences } from './third-party-licenses.mjs';

// esbuild's ESM output has no `require`; CommonJS dependencies that call it need one.
// Emscripten modules (the PostgreSQL parser) read `__dirname` when they run on Node.
const banner = [
  "import { createRequire as __bdaCreateRequire } from 'node:module';",
  "import { dirname as __bdaDirname } from 'node:path';",
  "import { fileURLToPath as __bdaFileURLToPath } from 'node:url';",
  'const require = __bdaCreateRequire(import.meta.url);',
  'const __filename = __bdaFileURLToPath(import.meta.url);',
  'const __dirname = __bdaDirname(__filename);',
].join('\n');

const shared = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: false,
  // The notices go to dist/licenses.txt, whole, instead of comments scattered through the bundle.
  legalComments: 'none',
  metafile: true,
  logLevel: 'warning',
};

const action = await build({
  ...shared,
  entryPoints: ['src/index.ts'],
  outfile: 'dist/index.js',
  banner: { js: banner },
});
const cli = await build({
  ...shared,
  entryPoints: ['src/cli.ts'],
  outfile: 'dist/cli.js',
  banner: { js: `#!/usr/bin/env node\n${banner}` },
});

// Tree-sitter's runtime and grammars are WebAssembly files that cannot be inlined: they
// travel beside the bundles, and src/code/syntax/load-grammars.ts finds them there.
const { GRAMMAR_FILES, RUNTIME_FILE, bundledFileName, POSTGRES_PARSER_FILE } =
  await import('./grammar-files.mjs');
const require = createRequire(import.meta.url);
const grammarsDir = path.join('dist', 'grammars');
rmSync(grammarsDir, { recursive: true, force: true });
mkdirSync(grammarsDir, { recursive: true });
const grammarInputs = {};
for (const source of [RUNTIME_FILE, ...Object.values(GRAMMAR_FILES)]) {
  const file = require.resolve(`${source.package}/${source.file}`);
  copyFileSync(file, path.join(grammarsDir, bundledFileName(source)));
  grammarInputs[path.relative(process.cwd(), file)] = {};
}
if (readdirSync(grammarsDir).length !== Object.keys(GRAMMAR_FILES).length + 1)
  throw new Error('two grammars share a file name in dist/grammars');

// PostgreSQL's parser is WebAssembly too: src/code/sql/postgres-parser.ts finds it in dist/sql/.
const sqlDir = path.join('dist', 'sql');
rmSync(sqlDir, { recursive: true, force: true });
mkdirSync(sqlDir, { recursive: true });
const postgresWasm = require.resolve(`${POSTGRES_PARSER_FILE.package}/${POSTGRES_PARSER_FILE.file}`);
copyFileSync(postgresWasm, path.join(sqlDir, path.basename(POSTGRES_PARSER_FILE.file)));
grammarInputs[path.relative(process.cwd(), postgresWasm)] = {};

writeFileSync(
  'dist/licenses.txt',
  thirdPartyLicences([action.metafile, cli.metafile, { inputs: grammarInputs }]),
);
