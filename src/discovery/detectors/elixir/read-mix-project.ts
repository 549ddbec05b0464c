/** What a mix.exs declares. */
export interface MixProject {
  elixir: string | undefined;
  /** An umbrella project's `apps_path`. */
  appsPath: string | undefined;
  deps: Array<{ name: string; constraint: string | null; dev: boolean }>;
  /** Sibling umbrella apps it depends on (`{:store, in_umbrella: true}`). */
  umbrellaDeps: string[];
  aliases: Set<string>;
}

/**
 * Reads mix.exs. It is Elixir code with no maintained parser outside Elixir; this reads
 * the conventional shapes: `elixir: "~> 1.15"`, `apps_path: "apps"`, dependency
 * tuples `{:name, "~> 1.0", only: :test}` in `deps`, and the keys of `aliases`.
 */
export function readMixProject(text: string): MixProject {
  const depsBlock = functionBody(text, 'deps');
  const umbrellaDeps: string[] = [];
  const deps = [...depsBlock.matchAll(/\{\s*:(\w+)\s*(?:,\s*"([^"]+)")?([^}]*)\}/g)].flatMap((match) => {
    const options = match[3] ?? '';
    if (/in_umbrella:\s*true/.test(options)) {
      umbrellaDeps.push(match[1] ?? '');
      return [];
    }
    const only = /only:\s*(\[[^\]]*\]|:\w+)/.exec(options)?.[1] ?? '';
    return [
      { name: match[1] ?? '', constraint: match[2] ?? null, dev: only !== '' && !only.includes(':prod') },
    ];
  });
  const aliases = new Set<string>();
  for (const match of functionBody(text, 'aliases').matchAll(/^\s*"?([\w.]+)"?:\s*[[&"\w]/gm))
    if (match[1]) aliases.add(match[1]);
  return {
    elixir: /\belixir:\s*"([^"]+)"/.exec(text)?.[1],
    appsPath: /\bapps_path:\s*"([^"]+)"/.exec(text)?.[1],
    deps,
    umbrellaDeps,
    aliases,
  };
}

/** The text of `defp name do … end` up to the next function definition. */
function functionBody(text: string, name: string): string {
  const start = new RegExp(String.raw`defp?\s+${name}\b[^\n]*\bdo\b`).exec(text);
  if (!start) return '';
  const rest = text.slice(start.index + start[0].length);
  const next = /\n\s*(defp?|defmodule)\s/.exec(rest);
  return next ? rest.slice(0, next.index) : rest;
}

/** Resolved versions from mix.lock: `"phoenix": {:hex, :phoenix, "1.7.10", …}` entries. */
export function readMixLock(text: string): Map<string, string> {
  const versions = new Map<string, string>();
  for (const match of text.matchAll(/^\s*"(\w+)":\s*\{:hex,\s*:\w+,\s*"([^"]+)"/gm)) {
    if (match[1] && match[2]) versions.set(match[1], match[2]);
  }
  return versions;
}
