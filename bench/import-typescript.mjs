// Benchmarks are plain Node scripts; what they measure is TypeScript. This bundles one entry
// with esbuild and imports it. The bundle goes two levels below the repository root
// (`.tmp/bench-bundles/`), like `test/harness/`, so code that finds the repository from its own
// URL still does.
import { build } from 'esbuild';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const repositoryRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Bundles `entry` (a .ts file) and returns its module. */
export async function importTypeScript(entry) {
  const dir = path.join(repositoryRoot, '.tmp', 'bench-bundles');
  mkdirSync(dir, { recursive: true });
  const outfile = path.join(dir, `${path.basename(entry).replace(/\.[cm]?ts$/, '')}-${process.pid}.mjs`);
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'warning',
    // esbuild's ESM output has no `require`; CommonJS dependencies need one.
    banner: {
      js: "import { createRequire as __bench } from 'node:module'; const require = __bench(import.meta.url);",
    },
  });
  return import(pathToFileURL(outfile).href);
}
