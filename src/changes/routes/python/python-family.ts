import path from 'node:path';
import type { RouteFamily } from '../route-family.js';
import type { PythonFacts } from './python-facts.js';
import { linkPythonRoutes } from './link-python-routes.js';
import { readPythonFacts } from './read-python-facts.js';
import { resolvePythonModule } from './resolve-python-module.js';

// Route decorators, router and app classes, mounts, Django patterns, REST framework registrations;
// a module that re-exports a router or blueprint; a constant path another file mounts under, named in
// upper case or like a prefix (`API_V1_STR: str = "/api/v1"`); class-based views and router classes.
const ROUTING_TEXT = new RegExp(
  [
    String.raw`@[\w.]+\.(?:get|post|put|patch|delete|head|options|trace|websocket|route|api_route)\s*\(`,
    String.raw`\b(?:APIRouter|FastAPI|Blueprint|APIBlueprint|Flask|APIFlask|Quart|DefaultRouter|SimpleRouter|Namespace|Api)\s*\(`,
    String.raw`\.(?:include_router|register_blueprint|add_url_rule|add_api_route|add_route|mount|add_namespace|add_resource)\s*\(`,
    String.raw`\.register\s*\(\s*[rRuU]?["']`,
    String.raw`\burlpatterns\b|\b(?:path|re_path|url)\s*\(\s*[rRfFuU]?["']`,
    String.raw`^[ \t]*from[ \t]+\S+[ \t]+import[ \t][^\n]*\b(?:\w*router\w*|\w*blueprint\w*|\w*bp|urls|views|routes|app|api)\b`,
    String.raw`^[ \t]*(?:[A-Z][A-Z0-9_]*|\w*(?:[Pp]refix|PATH|[Rr]oot|ROOT|URL|[Bb]ase)\w*)[ \t]*(?::[^=\n]+)?=[ \t]*[rRfFuU]?["']/`,
    String.raw`^[ \t]*class[ \t]+\w+[ \t]*\([^)]*(?:View|ViewSet|Resource|Router|Blueprint)[ \t]*[,)]`,
  ].join('|'),
  'm',
);

// A line of a declaration written over several: an import (it can swap the router a mount takes), a
// decorator, a path, a `name=value,` argument, a view reference (`views.detail,`), a handler's `def`.
// Edits inside handler bodies match none of these, and the file's base facts are its head facts.
const DECLARATION_PIECE = new RegExp(
  [
    String.raw`\bimport\b|@|["'][\^]?\/|\binclude\s*\(|\bdef\s`,
    String.raw`^\s*\w+\s*=[^=\n]*,\s*$`,
    String.raw`^\s*(?!(?:return|pass|continue|break|raise|yield)\b)[\w.]+(?:\.as_view\([^)\n]*\))?\s*,\s*$`,
  ].join('|'),
  'm',
);

/** FastAPI, Flask (blueprints, `MethodView`, flask-restx and flask-restful) and Django (URLconfs, REST framework routers). */
export const pythonRouteFamily: RouteFamily<PythonFacts> = {
  id: 'python-routes',
  grammars: ['python'],
  accepts: (file) => file.endsWith('.py'),
  mayDeclareRoutes: (text) => ROUTING_TEXT.test(text),
  changeMayMoveRoutes: (text) => ROUTING_TEXT.test(text) || DECLARATION_PIECE.test(text),
  mounterHints: (file) => {
    const stem = path.posix.basename(file, '.py');
    // `from app.api import users` names `users.py`; a package is named by its folder.
    return stem === '__init__' ? [path.posix.basename(path.posix.dirname(file))] : [stem];
  },
  dependencies: (facts, file, side) =>
    facts.modules
      .map((module) => resolvePythonModule(module, file, side.project, side.exists))
      .filter((found): found is string => found !== undefined && found !== file),
  readFacts: (root) => readPythonFacts(root),
  link: linkPythonRoutes,
};
