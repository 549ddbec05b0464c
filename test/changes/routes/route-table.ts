import type { Grammar } from '../../../src/code/syntax/grammar.js';
import { loadGrammars } from '../../../src/code/syntax/load-grammars.js';
import { withParsedSource } from '../../../src/code/syntax/parse-source.js';
import type { RouteFamily } from '../../../src/changes/routes/route-family.js';

/**
 * A family's route table for a small project side given as files: every file the family
 * accepts is read into facts from its tree and the whole side is linked, as the analysis does.
 */
export async function routeTable<Facts>(
  family: RouteFamily<Facts>,
  files: Record<string, string>,
  options: { complete?: boolean } = {},
): Promise<string[]> {
  await loadGrammars(family.grammars as Grammar[]);
  const facts = new Map<string, Facts>();
  for (const [path, text] of Object.entries(files)) {
    if (!family.accepts(path)) continue;
    const grammar =
      family.grammars.find((candidate) => path.endsWith(extensionOf(candidate))) ?? family.grammars[0];
    const read = grammar && withParsedSource(text, grammar, (root) => family.readFacts(root, path));
    if (read !== undefined) facts.set(path, read);
  }
  const table = family.link({
    files: facts,
    frameworks: [],
    project: '.',
    read: (path) => files[path],
    exists: (path) => path in files,
    filesIn: (folder) => Object.keys(files).filter((path) => path.slice(0, path.lastIndexOf('/')) === folder),
    complete: options.complete ?? true,
  });
  return table.map(
    (route) =>
      `${route.method} ${route.path} ${route.file}:${route.line}${route.handler ? ` ${route.handler}` : ''}`,
  );
}

function extensionOf(grammar: Grammar): string {
  return { ruby: '.rb', php: '.php', elixir: '.ex' }[grammar as string] ?? '';
}
