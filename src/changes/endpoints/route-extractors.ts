import { goRoutes } from './go-routes.js';
import { javascriptRoutes } from './javascript-routes.js';
import { nestjsRoutes } from './nestjs-routes.js';
import { pythonRoutes } from './python-routes.js';
import { railsRoutes } from './rails-routes.js';
import type { RouteExtractor } from './route-declaration.js';
import { springRoutes } from './spring-routes.js';

/** Every route extractor; a file is read by each one whose `appliesTo` accepts it. */
export const ROUTE_EXTRACTORS: RouteExtractor[] = [
  javascriptRoutes,
  nestjsRoutes,
  pythonRoutes,
  springRoutes,
  goRoutes,
  railsRoutes,
];
