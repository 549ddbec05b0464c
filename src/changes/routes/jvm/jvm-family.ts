import { isSpringConfigurationPath } from '../../../code/classify-path.js';
import path from 'node:path';
import type { RouteFamily } from '../route-family.js';
import { jvmDependencies } from './jvm-dependencies.js';
import type { JvmFacts } from './jvm-facts.js';
import { linkJvmRoutes } from './link-jvm-routes.js';
import { readJavaFacts } from './read-java-facts.js';
import { readKotlinFacts } from './read-kotlin-facts.js';

// Route and prefix annotations of Spring, JAX-RS and Micronaut, and the constants and interfaces paths are built from.
const ROUTING_TEXT =
  /@(?:\w+\.)*(?:(?:Get|Post|Put|Delete|Patch|Request)Mapping|GET|POST|PUT|DELETE|PATCH|HEAD|OPTIONS|Path|ApplicationPath|Get|Post|Put|Delete|Patch|Head|Options|Trace|Controller|RestController)\b|\bconst\s+val\b|\bstatic\s+final\s+String\b|\binterface\s+\w+/;
// What else a changed line can move routes with: declarations, supertypes, imports, constants, context paths.
const MOVING_TEXT =
  /\b(?:class|interface|object|extends|implements|import|package)\b|\bString\s+[A-Z][A-Z0-9_]*\s*=|context-path|servlet\.path|base-path|root-path|rest\.path|resteasy|profiles|on-profile|\bpath\s*[:=]/;

/** Spring MVC and WebFlux, JAX-RS (Quarkus, Jersey, RESTEasy) and Micronaut controllers, in Java and Kotlin. */
export const jvmRouteFamily: RouteFamily<JvmFacts> = {
  id: 'jvm-routes',
  grammars: ['java', 'kotlin'],
  accepts: (file) => /\.(java|kt)$/.test(file),
  readsConfiguration: (file) => isSpringConfigurationPath(file) && !/(^|\/)src\/test\//.test(file),
  mayDeclareRoutes: (text) => ROUTING_TEXT.test(text),
  changeMayMoveRoutes: (text) => ROUTING_TEXT.test(text) || MOVING_TEXT.test(text),
  // A type is named by the files that extend it, implement it or read its constants.
  mounterHints: (file) => [path.posix.basename(file).replace(/\.[^.]+$/, '')],
  dependencies: jvmDependencies,
  isRoutingRoot: (_file, text) => /@(?:\w+\.)*ApplicationPath\b/.test(text),
  readFacts: (root, file) => (file.endsWith('.kt') ? readKotlinFacts(root) : readJavaFacts(root)),
  link: linkJvmRoutes,
};
