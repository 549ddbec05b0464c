/** A gem a Gemfile declares. */
export interface DeclaredGem {
  name: string;
  /** Constraints joined with `, ` (`>= 1.1, < 2`), or null. */
  constraint: string | null;
  /** Declared only for the development or test groups. */
  dev: boolean;
}

export interface Gemfile {
  gems: DeclaredGem[];
  /** `ruby '3.2.2'` */
  ruby: string | undefined;
}

const DEV_GROUPS = /:(development|test)\b/;

/**
 * Reads a Gemfile. It is Ruby code with no maintained parser outside Ruby; this reads
 * the declarative lines nearly all Gemfiles consist of: `gem 'name', 'constraint'…`,
 * `group :test do … end` blocks (and `group:` options), and `ruby 'version'`.
 */
export function readGemfile(text: string): Gemfile {
  const gemfile: Gemfile = { gems: [], ruby: undefined };
  const groups: boolean[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.replace(/\s#.*$/, '').trim();
    if (line.startsWith('#') || line === '') continue;
    if (/^group\b.*\bdo\b/.test(line))
      groups.push(DEV_GROUPS.test(line) && !/:production\b|:default\b/.test(line));
    else if (/^(platforms|install_if|source|git|path)\b.*\bdo\b/.test(line))
      groups.push(groups[groups.length - 1] ?? false);
    else if (line === 'end') groups.pop();
    const gem = /^gem\s*\(?\s*["']([^"']+)["'](.*)$/.exec(line);
    if (gem?.[1]) {
      const rest = gem[2] ?? '';
      const constraints = [...rest.replace(/\w+:\s*.*$/, '').matchAll(/["']([^"']+)["']/g)].map(
        (match) => match[1] ?? '',
      );
      const dev =
        (groups[groups.length - 1] ?? false) ||
        (/group:\s*\[?[^\]]*:(development|test)/.test(rest) && !/:production/.test(rest));
      gemfile.gems.push({
        name: gem[1],
        constraint: constraints.length > 0 ? constraints.join(', ') : null,
        dev,
      });
    }
    const ruby = /^ruby\s*\(?\s*["']([^"']+)["']/.exec(line)?.[1];
    if (ruby) gemfile.ruby = ruby;
  }
  return gemfile;
}

export interface GemfileLock {
  /** Resolved versions of every gem in the bundle, by name. */
  versions: Map<string, string>;
  ruby: string | undefined;
}

/**
 * Reads Gemfile.lock: Bundler's own indented format. Resolved gems are the
 * four-space-indented `name (version)` lines of a `specs:` list; `RUBY VERSION`
 * holds `ruby 3.2.2p53`.
 */
export function readGemfileLock(text: string): GemfileLock {
  const lock: GemfileLock = { versions: new Map(), ruby: undefined };
  let section = '';
  for (const line of text.split(/\r?\n/)) {
    if (/^[A-Z]/.test(line)) section = line.trim();
    const spec = /^ {4}([^\s(]+) \(([^)]+)\)$/.exec(line);
    if (spec?.[1] && spec[2] && !lock.versions.has(spec[1]))
      lock.versions.set(spec[1], spec[2].replace(/-[a-z0-9_-]+$/, ''));
    const ruby = section === 'RUBY VERSION' ? /^\s+ruby (\d[\w.]*?)(p\d+)?$/.exec(line)?.[1] : undefined;
    if (ruby) lock.ruby = ruby;
  }
  return lock;
}
