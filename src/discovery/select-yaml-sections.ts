/**
 * Keeps only the named top-level sections of a YAML document, so the YAML library
 * parses the part discovery reads. A pnpm lockfile's `packages:` and `snapshots:`
 * sections are most of its size and say nothing about the project's own
 * dependencies; parsing them would dominate discovery in a large monorepo. The cut
 * is made on column-0 keys only; the kept text is parsed by the YAML library as usual.
 */
export function selectYamlSections(text: string, keys: ReadonlySet<string>): string {
  const kept: string[] = [];
  let keeping = false;
  for (const line of text.split('\n')) {
    const first = line.charCodeAt(0);
    const startsSection = line.length > 0 && first !== 32 && first !== 9 && first !== 35 && first !== 45;
    if (startsSection) {
      const key = line.slice(0, line.indexOf(':')).replace(/^['"]|['"]$/g, '');
      keeping = line.includes(':') && keys.has(key);
    }
    // Dropped lines become blank ones, so line numbers in parse errors stay true.
    kept.push(keeping ? line : '');
  }
  return kept.join('\n');
}
