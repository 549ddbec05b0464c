import { declared, type DeclaredDependency, type ManifestReader } from './manifest-reader.js';
import { readRuns } from './read-manifest-lines.js';

const GEM = /^\s*gem\s*\(?\s*['"]([^'"]+)['"]((?:\s*,\s*['"][^'"]*['"])*)/;
const GROUP = /^\s*group\s*\(?\s*([^)]*?)\)?\s+do\s*$/;

function groupScope(groups: string): string | undefined {
  if (/:test\b/.test(groups) && !/:development\b/.test(groups)) return 'test';
  return /:(development|test)\b/.test(groups) ? 'dev' : undefined;
}

/** `Gemfile`: `gem` lines with their version requirements, scoped by the `group … do` block around them when it is in view. */
export const gemfile: ManifestReader = {
  matches: /(^|\/)(Gemfile|gems\.rb)$/,
  ecosystem: 'bundler',
  lockfile: false,
  read: (side) =>
    readRuns(side, (run) => {
      const found: DeclaredDependency[] = [];
      let scope: string | undefined;
      for (const line of run) {
        const group = GROUP.exec(line.text);
        if (group) scope = groupScope(group[1] ?? '');
        else if (/^end\b/.test(line.text.trim())) scope = undefined;
        const gem = GEM.exec(line.text);
        if (!gem?.[1]) continue;
        const requirements = [...(gem[2] ?? '').matchAll(/['"]([^'"]*)['"]/g)].map((match) => match[1] ?? '');
        const inline = /\bgroups?:\s*(\[[^\]]*\]|:\w+)/.exec(line.text)?.[1];
        found.push(
          declared(
            gem[1],
            requirements.length > 0 ? requirements.join(', ') : null,
            inline ? groupScope(inline) : scope,
          ),
        );
      }
      return found;
    }),
};

/** `Gemfile.lock`: the resolved gems, the four-space `name (version)` lines under `specs:`. */
export const gemfileLock: ManifestReader = {
  matches: /(^|\/)(Gemfile|gems)\.lock$/,
  ecosystem: 'bundler',
  lockfile: true,
  read: (side) =>
    side.lines.flatMap((line) => {
      const spec = /^ {4}([^\s(]+) \(([^)]+)\)$/.exec(line.text);
      return spec?.[1] && spec[2] ? [declared(spec[1], spec[2], 'lockfile')] : [];
    }),
};
