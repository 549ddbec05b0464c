// Bundles the action and the command line into dist/. Both files are committed:
// a GitHub Action runs straight from the repository, with no install step.
import { build } from 'esbuild';

// esbuild's ESM output has no `require`; CommonJS dependencies that call it need one.
const banner =
  "import { createRequire as __bdaCreateRequire } from 'node:module';\nconst require = __bdaCreateRequire(import.meta.url);";

const shared = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: false,
  legalComments: 'none',
  logLevel: 'warning',
};

await build({ ...shared, entryPoints: ['src/index.ts'], outfile: 'dist/index.js', banner: { js: banner } });
await build({
  ...shared,
  entryPoints: ['src/cli.ts'],
  outfile: 'dist/cli.js',
  banner: { js: `#!/usr/bin/env node\n${banner}` },
});
