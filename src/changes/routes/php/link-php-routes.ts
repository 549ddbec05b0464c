import path from 'node:path';
import { createPrefixGraph } from '../prefix-graph.js';
import type { LinkInput } from '../route-family.js';
import { joinRoutePath, type RouteEntry } from '../route-entry.js';
import type { PhpFacts, PhpInclude } from './php-facts.js';
import { readSymfonyRouting, symfonyPrefixesOf, type SymfonyRouting } from './read-symfony-routing.js';

/** The repository path of an included file. */
export function includedPath(include: PhpInclude, project: string): string {
  return include.fromProject ? path.posix.join(project, include.path) : include.path;
}

/**
 * The route table of a PHP project side: each file's routes under the prefixes of the files
 * that load it (`->group(base_path(…))`, `require`, `withRouting`), through every chain of
 * them. Laravel loads `routes/api.php` under `/api` by default: a project side where no file
 * says how it is loaded (an older app's provider out of reach, or the diff alone) gets that.
 * Symfony's attribute routes take the prefix `config/routes.yaml` imports their folder with.
 */
export function linkPhpRoutes(input: LinkInput<PhpFacts>): RouteEntry[] {
  const graph = createPrefixGraph();
  const included = new Set<string>();
  for (const [file, facts] of input.files)
    for (const include of facts.includes) {
      const target = includedPath(include, input.project);
      graph.mount(file, target, include.prefix);
      included.add(target);
    }
  const apiFile = path.posix.join(input.project, 'routes/api.php');
  if (!included.has(apiFile)) graph.mount('', apiFile, '/api');
  let symfony: SymfonyRouting | undefined;
  const symfonyRouting = () => (symfony ??= readSymfonyRouting(input.project, input.read, input.filesIn));
  const entries: RouteEntry[] = [];
  for (const [file, facts] of input.files) {
    if (facts.routes.length === 0) continue;
    const laravel = graph.prefixesOf(file);
    for (const route of facts.routes) {
      const prefixes =
        route.framework === 'symfony' ? symfonyPrefixesOf(file, symfonyRouting().imports) : laravel;
      for (const prefix of prefixes)
        for (const method of route.methods) {
          const entry: RouteEntry = {
            method,
            path: joinRoutePath(prefix, route.path),
            framework: route.framework,
            file,
            line: route.line,
            signature: route.signature,
          };
          if (route.handler !== undefined) entry.handler = route.handler;
          // A route file loaded on one side and by nothing on the other is unplugged there.
          if (route.framework === 'laravel') entry.router = { id: file, mounted: included.has(file) };
          entries.push(entry);
        }
    }
  }
  if (symfony !== undefined || isSymfony(input)) entries.push(...yamlRouteEntries(symfonyRouting()));
  return entries;
}

/** A Symfony project side: discovery says so, or it has the route configuration Symfony reads. */
function isSymfony(input: LinkInput<PhpFacts>): boolean {
  return (
    input.frameworks.includes('symfony') || input.exists(path.posix.join(input.project, 'config/routes.yaml'))
  );
}

/** The routes the YAML configuration declares itself (`path:` and `controller:`). */
function yamlRouteEntries(routing: SymfonyRouting): RouteEntry[] {
  return [...routing.routes.values()].flatMap((route) =>
    route.methods.map((method) => ({
      method,
      path: route.path,
      framework: 'symfony',
      file: route.file,
      line: route.line,
      signature: route.signature,
      ...(route.handler !== undefined ? { handler: route.handler } : {}),
    })),
  );
}
