import type { ProjectSide } from '../route-family.js';
import type { JavascriptFacts } from './javascript-facts.js';
import { readPathAliases, resolveJavascriptModule } from './resolve-javascript-module.js';

/** The project files a JavaScript file imports, every plugin under the folders it autoloads, and where its configured prefix is set. */
export function javascriptDependencies(facts: JavascriptFacts, file: string, side: ProjectSide): string[] {
  const aliases = readPathAliases(side.project, side.read);
  const found = facts.imports
    .map((specifier) => resolveJavascriptModule(file, specifier, side.exists, aliases))
    .filter((path): path is string => path !== undefined);
  for (const autoload of facts.autoloads) found.push(...side.filesUnder(autoload.dir));
  // A global prefix read from configuration: the files that define that setting.
  if (facts.globalPrefix && 'key' in facts.globalPrefix)
    found.push(...(side.mentioning?.(facts.globalPrefix.key) ?? []));
  return found;
}
