import { declared, type ManifestReader } from './manifest-reader.js';

const MIX_DEPENDENCY = /\{\s*:(\w+)\s*,\s*(?:"([^"]+)"\s*)?(.*?)\}/;

/** `mix.exs`: `{:name, "~> 1.0", only: :test}` tuples in `deps`. */
export const mixExs: ManifestReader = {
  matches: /(^|\/)mix\.exs$/,
  ecosystem: 'mix',
  lockfile: false,
  read: (side) =>
    side.lines.flatMap((line) => {
      if (/^\s*#/.test(line.text)) return [];
      const match = MIX_DEPENDENCY.exec(line.text);
      if (!match?.[1] || !/^\s*\{\s*:\w+\s*,\s*("|\w+:)/.test(line.text)) return [];
      const options = match[3] ?? '';
      const only = /\bonly:\s*(\[[^\]]*\]|:\w+)/.exec(options)?.[1];
      const scope = only ? (/:dev\b/.test(only) ? 'dev' : 'test') : undefined;
      return [declared(match[1], match[2] ?? null, scope)];
    }),
};

/** `mix.lock`: `"name": {:hex, :name, "1.2.3", …}`. */
export const mixLock: ManifestReader = {
  matches: /(^|\/)mix\.lock$/,
  ecosystem: 'mix',
  lockfile: true,
  read: (side) =>
    side.lines.flatMap((line) => {
      const match = /^\s*"([\w]+)":\s*\{:hex,\s*:\w+,\s*"([^"]+)"/.exec(line.text);
      return match?.[1] && match[2] ? [declared(match[1], match[2], 'lockfile')] : [];
    }),
};
