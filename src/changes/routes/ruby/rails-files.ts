import path from 'node:path';
import { nameOf, type DslCall } from '../routing-dsl.js';

/** A routes file Rails loads by itself: an application's or an engine's `config/routes.rb`. */
export function isRoutesRoot(file: string): boolean {
  return /(^|\/)config\/routes\.rb$/.test(file);
}

/** A file Rails reads routes from: `config/routes.rb` and what it draws from `config/routes/`. */
export function isRailsRoutesFile(file: string): boolean {
  return /(^|\/)config\/routes(\.rb|\/.+\.rb)$/.test(file);
}

/** `draw(:admin)` and `draw('admin/users')` read `config/routes/admin.rb` and `config/routes/admin/users.rb`. */
export function drawFilePath(drawDir: string, name: string): string {
  return path.posix.join(drawDir, `${name}.rb`);
}

/** `mount Admin::Engine, at: '/admin'` and `mount Admin::Engine => '/admin'`: what is mounted, and where. */
export function mountOf(call: DslCall): { target: string; at: string } | undefined {
  const [pair] = call.pairs;
  const written = call.args[0] ?? pair?.[0];
  const at = nameOf(call.options.at) ?? (pair ? nameOf(pair[1]) : undefined);
  if (written?.kind !== 'constant' || at === undefined) return undefined;
  return { target: written.name, at };
}

/** The project's engine a mount names, by its full name or, from inside a module, by the end of it. */
export function engineOf<T>(engines: ReadonlyMap<string, T>, target: string): T | undefined {
  const name = target.replace(/^::/, '');
  const exact = engines.get(name);
  if (exact) return exact;
  for (const [engine, found] of engines) if (engine.endsWith(`::${name}`)) return found;
  return undefined;
}

/** The engine a `routes.rb` draws for (`Admin::Engine.routes.draw`), or undefined for the application's own. */
export function engineDrawn(call: DslCall): string | undefined {
  if (call.verb !== 'draw' || call.receiver === undefined) return undefined;
  const owner = call.receiver.replace(/^::/, '').replace(/\.routes$/, '');
  return owner === call.receiver.replace(/^::/, '') || /^Rails\.application$|(^|::)Application$/.test(owner)
    ? undefined
    : owner;
}
