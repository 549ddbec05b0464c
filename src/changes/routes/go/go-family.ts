import type { RouteFamily } from '../route-family.js';
import type { GoFacts } from './go-facts.js';
import { goDependencies, goMayMount, goMountedHints, goMounterHints, isGoSource } from './go-dependencies.js';
import { linkGoRoutes } from './link-go-routes.js';
import { readGoFacts } from './read-go-facts.js';

// A route, group, mount or router type: what a file that declares, prefixes or hands on routes says.
const ROUTING =
  /\.(?:GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS|CONNECT|TRACE|Any|Get|Post|Put|Patch|Delete|Head|Options|Connect|Trace|All|Handle|HandleFunc|Handler|HandlerFunc|Method|MethodFunc|Match|Add|Group|Route|Mount|PathPrefix)\s*\(|\b(?:gin|echo|chi|fiber|mux|http)\.(?:Engine|RouterGroup|IRouter|IRoutes|Echo|Group|Router|Mux|App|ServeMux)\b|\b(?:NewRouter|NewServeMux)\s*\(/;

/** Gin, Echo, chi, Fiber, gorilla/mux and net/http (Go 1.22 method patterns included). */
export const goRouteFamily: RouteFamily<GoFacts> = {
  id: 'go-routes',
  grammars: ['go'],
  accepts: isGoSource,
  mayDeclareRoutes: (text) => ROUTING.test(text),
  // Imports, declarations and calls handing a value to a function can move routes without naming a route method.
  changeMayMoveRoutes: (text) =>
    ROUTING.test(text) ||
    /^\s*(?:import\b|(?:\w+\s+)?"[^"\s]+"\s*$)|\b(?:func|package|var)\b/m.test(text) ||
    /\w\s*\([^()]*\b[A-Za-z_]\w*\s*\)/.test(text),
  mounterHints: goMounterHints,
  mayMount: goMayMount,
  mountedHints: goMountedHints,
  dependencies: goDependencies,
  readFacts: (root) => readGoFacts(root),
  link: linkGoRoutes,
};
