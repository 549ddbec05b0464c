import path from 'node:path';
import type { RouteFamily } from '../route-family.js';
import { linkRailsRoutes } from './link-rails-routes.js';
import { readRailsFacts, type RailsFacts } from './read-rails-facts.js';
import { drawFilePath, isRailsRoutesFile, isRoutesRoot } from './rails-files.js';

/** `billing` → `Billing`, `admin_panel` → `AdminPanel`: how an engine's folder names its module. */
function camelize(word: string): string {
  return word.replace(/(?:^|_)([a-z0-9])/g, (_, letter: string) => letter.toUpperCase());
}

/** Rails: `config/routes.rb`, the files it draws from `config/routes/`, and engines' routes. */
export const railsRouteFamily: RouteFamily<RailsFacts> = {
  id: 'rails-routes',
  grammars: ['ruby'],
  accepts: isRailsRoutesFile,
  // `config.api_only` decides whether resources draw their form routes.
  readsConfiguration: (file) => /(^|\/)config\/application\.rb$/.test(file),
  mayDeclareRoutes: (text) => /\S/.test(text),
  mounterHints: (file) => {
    // An engine's routes are mounted by its module's name; a drawn file by its name.
    if (isRoutesRoot(file)) {
      const owner = path.posix.basename(path.posix.dirname(path.posix.dirname(file)));
      return owner === '.' || owner === '' ? [] : [camelize(owner)];
    }
    return [path.posix.basename(file, '.rb')];
  },
  dependencies: (facts, file, side) => {
    const drawDir = isRoutesRoot(file)
      ? path.posix.join(path.posix.dirname(file), 'routes')
      : (/^(.*?(?:^|\/)config\/routes)\//.exec(file)?.[1] ?? path.posix.dirname(file));
    const found: string[] = [];
    const visit = (calls: RailsFacts['calls']): void => {
      for (const call of calls) {
        const name = call.verb === 'draw' && !call.block ? call.args[0] : undefined;
        if (name?.kind === 'symbol' || name?.kind === 'string') {
          const drawn = drawFilePath(drawDir, name.value);
          if (side.exists(drawn)) found.push(drawn);
        }
        if (call.block) visit(call.block);
      }
    };
    visit(facts.calls);
    return found;
  },
  isRoutingRoot: (file) => isRoutesRoot(file),
  readFacts: (root) => readRailsFacts(root),
  link: linkRailsRoutes,
};
