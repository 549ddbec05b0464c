import path from 'node:path';
import type { RouteFamily } from '../route-family.js';
import { dotnetDependencies } from './dotnet-dependencies.js';
import type { DotnetFacts } from './dotnet-facts.js';
import { linkDotnetRoutes } from './link-dotnet-routes.js';
import { readCsharpFacts } from './read-csharp-facts.js';

// Attribute routes, minimal APIs and groups, the methods groups are handed to, and the constants templates use.
const ROUTING_TEXT =
  /\[\s*(?:Http(?:Get|Post|Put|Delete|Patch|Head|Options)|Route|AcceptVerbs|ApiController|Area)\b|\.\s*Map(?:Get|Post|Put|Delete|Patch|Methods|Group|ControllerRoute|AreaControllerRoute|DefaultControllerRoute)\b|\bUsePathBase\b|\bconst\s+string\b|\bstatic\s+readonly\s+string\b|\b(?:IEndpointRouteBuilder|RouteGroupBuilder)\b|:\s*\w*Controller(?:Base)?\b/;
// What else a changed line can move routes with: class declarations and bases, using directives.
const MOVING_TEXT = /\b(?:class|record|interface|using|namespace)\b|\bMap[A-Z]\w*\s*\(/;

/** ASP.NET Core: controllers with attribute (and conventional) routes, and minimal APIs with their groups. */
export const dotnetRouteFamily: RouteFamily<DotnetFacts> = {
  id: 'dotnet-routes',
  grammars: ['csharp'],
  accepts: (file) => file.endsWith('.cs'),
  mayDeclareRoutes: (text) => ROUTING_TEXT.test(text),
  changeMayMoveRoutes: (text) => ROUTING_TEXT.test(text) || MOVING_TEXT.test(text),
  // A class is named by the controllers that derive from it; an extension method by the calls that hand it a group.
  mounterHints: (file, facts) => [
    path.posix.basename(file, '.cs'),
    ...(facts?.classes.map((type) => type.name.split('.').pop() ?? type.name) ?? []),
    ...(facts?.methods.map((method) => method.name) ?? []),
  ],
  dependencies: dotnetDependencies,
  isRoutingRoot: (_file, text) =>
    /\b(?:UsePathBase|MapControllerRoute|MapAreaControllerRoute|MapDefaultControllerRoute)\b/.test(text),
  readFacts: (root) => readCsharpFacts(root),
  link: linkDotnetRoutes,
};
