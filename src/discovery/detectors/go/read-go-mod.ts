/** What go.mod declares. */
export interface GoModule {
  module: string | undefined;
  /** The `go` directive: the language version. */
  goVersion: string | undefined;
  /** The `toolchain` directive without its `go` prefix. */
  toolchain: string | undefined;
  requires: Array<{ path: string; version: string; indirect: boolean }>;
}

/**
 * Reads go.mod. Its syntax is Go's own (golang.org/x/mod/modfile), with no maintained
 * JavaScript parser; the directives discovery needs are one per line, or one per line
 * inside a `require ( … )` block.
 */
export function readGoMod(text: string): GoModule {
  const result: GoModule = { module: undefined, goVersion: undefined, toolchain: undefined, requires: [] };
  let block: string | undefined;
  for (const raw of text.split(/\r?\n/)) {
    const indirect = /\/\/\s*indirect\b/.test(raw);
    const line = raw.replace(/\/\/.*$/, '').trim();
    if (line === '') continue;
    if (block !== undefined) {
      if (line === ')') block = undefined;
      else if (block === 'require') addRequire(result, line, indirect);
      continue;
    }
    const [directive, ...rest] = line.split(/\s+/);
    if (rest[0] === '(') block = directive;
    else if (directive === 'module') result.module = rest[0]?.replace(/^"|"$/g, '');
    else if (directive === 'go') result.goVersion = rest[0];
    else if (directive === 'toolchain') result.toolchain = rest[0]?.replace(/^go/, '');
    else if (directive === 'require') addRequire(result, rest.join(' '), indirect);
  }
  return result;
}

function addRequire(result: GoModule, line: string, indirect: boolean): void {
  const [path, version] = line.split(/\s+/);
  if (path && version) result.requires.push({ path: path.replace(/^"|"$/g, ''), version, indirect });
}

/** The module directories a go.work `use` directive lists, relative to the go.work file. */
export function readGoWorkUses(text: string): string[] {
  const uses: string[] = [];
  let inUse = false;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.replace(/\/\/.*$/, '').trim();
    if (inUse) {
      if (line === ')') inUse = false;
      else if (line) uses.push(line.replace(/^"|"$/g, ''));
    } else if (/^use\s*\($/.test(line)) inUse = true;
    else if (line.startsWith('use ')) uses.push(line.slice(4).trim().replace(/^"|"$/g, ''));
  }
  return uses;
}
