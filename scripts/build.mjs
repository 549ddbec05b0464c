// Bundles the action and the command line into dist/. Both files are committed:
// a GitHub Action runs straight from the repository, with no install step.
// dist/licenses.txt lists the licence of every package the bundles contain.
import { build } from 'esbuild';
import { writeFileSync } from 'node:fs';
import { thirdPartyLicences } from './third-party-licenses.mjs';

// esbuild's ESM output has no `require`; CommonJS dependencies that call it need one.
const banner =
  "import { createRequire as __bdaCreateRequire } from 'node:module';\nconst require = __bdaCreateRequire(import.meta.url);";

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
writeFileSync('dist/licenses.txt', thirdPartyLicences([action.metafile, cli.metafile]));
