import path from 'node:path';
import type { RouteFamily } from '../route-family.js';
import type { JavascriptFacts } from './javascript-facts.js';
import { linkJavascriptRoutes } from './link-javascript-routes.js';
import { readJavascriptFacts } from './read-javascript-facts.js';
import { javascriptDependencies, takesPartInRouting } from './javascript-dependencies.js';

/** The name an importer gives a module: its file name without extension, or its folder's for an index file. */
function moduleStem(file: string): string {
  const stem = path.posix.basename(file).replace(/\.[^.]+$/, '');
  return stem === 'index' ? path.posix.basename(path.posix.dirname(file)) : stem;
}

/** True when `text` has a module specifier whose last segment is `stem` (with or without extension, or `/index`). */
function importsModule(text: string, stem: string): boolean {
  const name = stem.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(
    `['"\`](?:[^'"\`\n]*/)?${name}(?:\\.[cm]?[jt]sx?)?(?:/index(?:\\.[cm]?[jt]sx?)?)?['"\`]`,
  ).test(text);
}

/** Express, Koa (koa-router), Fastify (with `@fastify/autoload`), Hapi and NestJS. */
export const javascriptRouteFamily: RouteFamily<JavascriptFacts> = {
  id: 'javascript-routes',
  grammars: ['javascript', 'typescript', 'tsx'],
  accepts: (path) => /\.[cm]?[jt]sx?$/.test(path) && !/\.d\.[cm]?ts$/.test(path),
  // Routing files name a router, an app or a server, mount something, or decorate a controller.
  mayDeclareRoutes: (text) =>
    /\b(?:Router|router|routes?|app|server|fastify|instance|api|Controller|setGlobalPrefix|enableVersioning|autoPrefix)\b|\.(?:get|post|put|patch|delete|del|all|route|use|register)\s*[(<]|@(?:Get|Post|Put|Patch|Delete|All|Options|Head|Search|Version|Controller)\b|module\.exports|export\s|\b(?:method|path|url|prefix)\s*:/.test(
      text,
    ),
  // An import line can swap the router a mount takes.
  changeMayMoveRoutes: (text) =>
    javascriptRouteFamily.mayDeclareRoutes(text) || /\bimport\b|\brequire\s*\(/.test(text),
  // A file that holds no route and hands no router on is mounted by nobody: its importers are not read.
  mounterHints: (file, facts) => {
    if (facts !== undefined && !takesPartInRouting(facts)) return [];
    // The index has words: `auth.route` is found by its longest word, then checked whole by `mayMount`.
    const words = moduleStem(file).match(/[\w$-]+/g) ?? [];
    const longest = words.reduce((best, word) => (word.length > best.length ? word : best), '');
    return longest === '' ? [] : [longest];
  },
  // An importer names the module by its path: `'./auth.route'`, `"@/routes/users.js"`, `'../routes'` for an index.
  mayMount: (text, _hint, file) => importsModule(text, moduleStem(file)),
  dependencies: javascriptDependencies,
  isRoutingRoot: (_path, text) =>
    /\b(setGlobalPrefix|enableVersioning)\b|@fastify\/autoload|fastify-autoload/.test(text),
  readFacts: readJavascriptFacts,
  link: linkJavascriptRoutes,
};
