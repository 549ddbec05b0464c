import type { RouteFamily } from '../route-family.js';
import { linkRustRoutes } from './link-rust-routes.js';
import { readRustFacts } from './read-rust-facts.js';
import { rustDependencies, rustMounterHints } from './rust-dependencies.js';
import type { RustFacts } from './rust-facts.js';

// An attribute route, a route or attach call, a builder, a function given Actix's ServiceConfig, or a
// renamed re-export (`pub use core::routes as core_routes`) that a mount may call through.
const ROUTING =
  /#\[\s*(?:\w+::)*(?:get|post|put|delete|patch|head|options|trace|connect|route)\s*\(|\.\s*(?:route|service|configure|nest|merge|mount)\s*\(|\b(?:scope|resource)\s*\(|\b(?:App|Router|Scope|Resource)::(?:<[^>]*>::)?new\b|\brocket::(?:build|custom)\b|\bServiceConfig\b|\broutes!|\bpub(?:\([^)]*\))?\s+use\b[^;]*\bas\s/;
// Where an application is served from: the top of its routing, whatever imports it.
const SERVER =
  /\bHttpServer::new\b|\baxum::serve\b|\bServer::bind\b|\brocket::(?:build|custom)\s*\(|#\[\s*(?:rocket::)?launch\s*\]/;

/** Actix Web, Axum and Rocket. */
export const rustRouteFamily: RouteFamily<RustFacts> = {
  id: 'rust-routes',
  grammars: ['rust'],
  accepts: (file) => file.endsWith('.rs') && !/(?:^|\/)(?:tests|benches|examples)\//.test(file),
  mayDeclareRoutes: (text) => ROUTING.test(text),
  // Imports, functions and calls that hand a builder on can move routes without naming a route method.
  changeMayMoveRoutes: (text) =>
    ROUTING.test(text) || /\b(?:use|mod|fn|pub)\b/.test(text) || /\w\s*\([^()]*\w\s*\)/.test(text),
  mounterHints: rustMounterHints,
  dependencies: rustDependencies,
  isRoutingRoot: (_file, text) => SERVER.test(text),
  readFacts: (root) => readRustFacts(root),
  link: linkRustRoutes,
};
