import { grammarOfPath } from './grammar.js';
import { loadGrammars } from './load-grammars.js';
import { isStringNode, stringValue } from './node-text.js';
import { withParsedSource, type SyntaxNode } from './parse-source.js';

/**
 * The fixed string literals a source file writes down, in no particular order: computed
 * strings (f-strings, template literals with substitutions) and comments are left out. For
 * readers of settings modules (a Django `settings.py`, a SQLAlchemy URL) that want the values
 * a file names, never a commented-out alternative. Empty when the file's language has no
 * grammar or the grammar cannot be loaded.
 */
export async function readStringLiterals(path: string, text: string): Promise<string[]> {
  const grammar = grammarOfPath(path);
  if (!grammar) return [];
  await loadGrammars([grammar]);
  return withParsedSource(text, grammar, collectLiterals) ?? [];
}

function collectLiterals(root: SyntaxNode): string[] {
  const values: string[] = [];
  const pending: SyntaxNode[] = [root];
  for (let node = pending.pop(); node; node = pending.pop()) {
    if (isStringNode(node) || node.type === 'concatenated_string') {
      const value = stringValue(node);
      if (value !== undefined) values.push(value);
      continue;
    }
    for (const child of node.namedChildren) if (child) pending.push(child);
  }
  return values;
}
