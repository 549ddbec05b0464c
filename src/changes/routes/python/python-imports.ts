import type { SyntaxNode } from '../../../code/syntax/parse-source.js';
import type { PythonRef } from './python-facts.js';

/** The module an import statement names, as written: `app.api`, `.`, `..routes`. */
export function importedModule(node: SyntaxNode): string | undefined {
  if (node.type !== 'import_from_statement') return undefined;
  return node.childForFieldName('module_name')?.text.replace(/\s+/g, '');
}

/**
 * The names an import statement binds: `import a.b` binds `a` to the module `a`, `import
 * a.b as c` binds `c` to `a.b`, `from m import n as x` binds `x` to `n` of `m` (an
 * attribute or a submodule), `from m import *` binds `*m`.
 */
export function bindImports(node: SyntaxNode): [string, PythonRef][] {
  const bound: [string, PythonRef][] = [];
  const from = importedModule(node);
  if (node.type === 'import_from_statement' && from === undefined) return bound;
  for (const child of node.childrenForFieldName('name')) {
    if (!child) continue;
    const name = child.type === 'aliased_import' ? child.childForFieldName('name') : child;
    const alias = child.type === 'aliased_import' ? child.childForFieldName('alias')?.text : undefined;
    if (!name) continue;
    const dotted = name.text.replace(/\s+/g, '');
    if (from !== undefined) bound.push([alias ?? dotted, { kind: 'import', module: from, name: dotted }]);
    else if (alias !== undefined) bound.push([alias, { kind: 'module', module: dotted }]);
    else {
      const first = dotted.split('.')[0] ?? dotted;
      bound.push([first, { kind: 'module', module: first }]);
    }
  }
  if (from !== undefined && node.namedChildren.some((child) => child?.type === 'wildcard_import'))
    bound.push([`*${from}`, { kind: 'import', module: from, name: '*' }]);
  return bound;
}

/**
 * The modules an import statement may load, as written: `m` and, for `from m import n`,
 * `m.n` too (`n` may be a submodule: `from app.api.routes import users`).
 */
export function importedModules(node: SyntaxNode): string[] {
  const from = importedModule(node);
  const names = node
    .childrenForFieldName('name')
    .map((child) => (child?.type === 'aliased_import' ? child.childForFieldName('name') : child))
    .map((name) => name?.text.replace(/\s+/g, ''))
    .filter((name): name is string => name !== undefined);
  if (from === undefined) return names;
  return [from, ...names.map((name) => (from.endsWith('.') ? `${from}${name}` : `${from}.${name}`))];
}
