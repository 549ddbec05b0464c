import { joinRoutePath, type RouteEntry } from '../route-entry.js';
import type { JavascriptFacts } from './javascript-facts.js';

function trimSlashes(path: string): string {
  return path.replace(/^\/+|\/+$/g, '');
}

/** The global prefix, its configuration key looked up in the project's settings defaults when it is not written as a literal. */
function resolveGlobalPrefix(
  all: readonly JavascriptFacts[],
): { prefix: string; exclude: string[] } | undefined {
  const declared = all.find((facts) => facts.globalPrefix)?.globalPrefix;
  if (!declared || 'prefix' in declared) return declared;
  const value = all
    .map((facts) => facts.configurationDefaults[declared.key])
    .find((found) => found !== undefined);
  return value === undefined ? undefined : { prefix: value, exclude: declared.exclude };
}

/**
 * NestJS controllers' routes: the global prefix (unless the path is excluded), then
 * `v<version>` under URI versioning, the controller's path and the handler's.
 */
export function nestRouteEntries(files: ReadonlyMap<string, JavascriptFacts>): RouteEntry[] {
  const all = [...files.values()];
  const globalPrefix = resolveGlobalPrefix(all);
  const versioning = all.find((facts) => facts.uriVersioning)?.uriVersioning;
  const entries: RouteEntry[] = [];
  for (const [file, facts] of files) {
    for (const controller of facts.controllers) {
      for (const route of controller.routes) {
        const versions = versioning
          ? (route.version ?? controller.version ?? versioning.defaultVersion ?? [undefined])
          : [undefined];
        for (const base of controller.paths) {
          for (const own of route.paths) {
            const local = joinRoutePath(base, own);
            const excluded = globalPrefix?.exclude.includes(trimSlashes(local)) ?? false;
            for (const version of versions) {
              entries.push({
                method: route.method,
                path: joinRoutePath(
                  excluded ? undefined : globalPrefix?.prefix,
                  version === undefined ? undefined : `v${version}`,
                  local,
                ),
                framework: 'nestjs',
                file,
                line: route.line,
                handler: route.handler,
                signature: route.signature,
              });
            }
          }
        }
      }
    }
  }
  return entries;
}
