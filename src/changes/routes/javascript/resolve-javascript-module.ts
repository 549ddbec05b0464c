import path from 'node:path';
import JSON5 from 'json5';

const EXTENSIONS = ['.ts', '.tsx', '.js', '.jsx', '.mjs', '.cjs', '.mts', '.cts'];
// TypeScript compiled to ESM imports `./x.js` for `./x.ts`.
const COMPILED = new Map([
  ['.js', ['.ts', '.tsx']],
  ['.mjs', ['.mts']],
  ['.cjs', ['.cts']],
  ['.jsx', ['.tsx']],
]);

/** Path aliases from `tsconfig.json` (`"@/*": ["src/*"]`), relative to the repository root. */
export interface PathAliases {
  aliases: { prefix: string; targets: string[] }[];
}

function candidates(base: string): string[] {
  const extension = path.posix.extname(base);
  const stem = base.slice(0, base.length - extension.length);
  const compiled = COMPILED.get(extension)?.map((replacement) => stem + replacement) ?? [];
  return [
    base,
    ...compiled,
    ...EXTENSIONS.map((ext) => base + ext),
    ...EXTENSIONS.map((ext) => path.posix.join(base, `index${ext}`)),
  ];
}

/**
 * The repository file a module specifier names, from the importing file: relative paths
 * (with or without extension, an `index` file, `.js` for a `.ts` source) and tsconfig
 * path aliases. Packages resolve to nothing: their routes are not the project's.
 */
export function resolveJavascriptModule(
  from: string,
  specifier: string,
  exists: (path: string) => boolean,
  aliases: PathAliases,
): string | undefined {
  const bases: string[] = [];
  if (specifier.startsWith('.'))
    bases.push(path.posix.normalize(path.posix.join(path.posix.dirname(from), specifier)));
  else {
    for (const alias of aliases.aliases) {
      if (!specifier.startsWith(alias.prefix)) continue;
      const rest = specifier.slice(alias.prefix.length);
      for (const target of alias.targets) bases.push(path.posix.normalize(target.replace('*', rest)));
    }
  }
  for (const base of bases) {
    const found = candidates(base).find(exists);
    if (found !== undefined) return found;
  }
  return undefined;
}

/** Reads `compilerOptions.paths` (with `baseUrl`) from the project's `tsconfig.json` or `jsconfig.json`; comments and trailing commas allowed. */
export function readPathAliases(project: string, read: (path: string) => string | undefined): PathAliases {
  for (const name of ['tsconfig.json', 'jsconfig.json']) {
    const file = project === '.' ? name : `${project}/${name}`;
    const text = read(file);
    if (text === undefined) continue;
    try {
      const json = (JSON5.parse(text) ?? {}) as {
        compilerOptions?: { baseUrl?: string; paths?: Record<string, string[]> };
      };
      const baseUrl = path.posix.join(project, json.compilerOptions?.baseUrl ?? '.');
      const aliases = Object.entries(json.compilerOptions?.paths ?? {}).map(([key, targets]) => ({
        prefix: key.replace(/\*$/, ''),
        targets: targets.map((target) => path.posix.join(baseUrl, target)),
      }));
      return { aliases };
    } catch {
      return { aliases: [] };
    }
  }
  return { aliases: [] };
}
