import path from 'node:path';
import type { RouteFamily } from '../route-family.js';
import { includedPath, linkPhpRoutes } from './link-php-routes.js';
import type { PhpFacts } from './php-facts.js';
import { readPhpFacts } from './read-php-facts.js';

/** Laravel (route files, groups, resources, the files providers and `bootstrap/app.php` load) and Symfony `#[Route]` attributes. */
export const phpRouteFamily: RouteFamily<PhpFacts> = {
  id: 'php-routes',
  grammars: ['php'],
  accepts: (file) => file.endsWith('.php') && !file.endsWith('.blade.php'),
  // Symfony imports controllers' attribute routes under a prefix there.
  readsConfiguration: (file) => /(^|\/)config\/routes(\.ya?ml|\/[^/]+\.ya?ml)$/.test(file),
  // Routing files call the Route facade or a router, load route files, or carry `#[Route]` attributes.
  mayDeclareRoutes: (text) =>
    /\bRoute::|\$router->|\$routes?->|->withRouting\b|\bloadRoutesFrom\b|#\[\s*(?:[\w\\]*\\)?Route\b|\b(?:require|include)(?:_once)?\s*\(?\s*(?:__DIR__|base_path|dirname)/.test(
      text,
    ),
  // Calls span lines (`->prefix('v1')`, `apiPrefix: 'api'`, a path on a line of its own): any change can move a route.
  changeMayMoveRoutes: () => true,
  // A file is loaded by its name: `base_path('routes/api.php')`, `__DIR__.'/auth.php'`.
  mounterHints: (file) => path.posix.basename(file, '.php').split('.'),
  dependencies: (facts, _file, side) =>
    facts.includes
      .map((include) => includedPath(include, side.project))
      .filter((target) => side.exists(target)),
  readFacts: readPhpFacts,
  link: linkPhpRoutes,
};
