import type { SourceView } from '../source/source-view.js';

/** What an imported Python name refers to: a module (`import app.api as api`) or a name in one (`from .routes import router`). */
export interface PythonBinding {
  module: string;
  name?: string;
}

const FROM_IMPORT = /(?:^|\n)[ \t]*from[ \t]+(\.*[\w.]*)[ \t]+import[ \t]+(\([^)]*\)|[^\n]*)/g;
const PLAIN_IMPORT = /(?:^|\n)[ \t]*import[ \t]+([^\n]+)/g;

/** Reads a Python file's imports (module level and inside functions, as app factories do) into local name → binding. */
export function readPythonImports(view: SourceView): Map<string, PythonBinding> {
  const bindings = new Map<string, PythonBinding>();
  for (const match of view.masked.matchAll(FROM_IMPORT)) {
    const module = match[1] ?? '';
    const names = (match[2] ?? '').replace(/[()\\]/g, ' ');
    for (const entry of names.split(',')) {
      const found = /^\s*(\w+)(?:\s+as\s+(\w+))?\s*$/.exec(entry);
      if (found?.[1] && found[1] !== '*') bindings.set(found[2] ?? found[1], { module, name: found[1] });
    }
  }
  for (const match of view.masked.matchAll(PLAIN_IMPORT)) {
    for (const entry of (match[1] ?? '').split(',')) {
      const found = /^\s*([\w.]+)(?:\s+as\s+(\w+))?\s*$/.exec(entry);
      if (!found?.[1]) continue;
      // `import app.api.orders` binds `app`; `import app.api.orders as orders` binds the module itself.
      if (found[2]) bindings.set(found[2], { module: found[1] });
      else bindings.set(found[1].split('.')[0] ?? found[1], { module: found[1].split('.')[0] ?? found[1] });
    }
  }
  return bindings;
}

/** The dotted path a reference (`orders.router`) stands for, through the file's imports: `app.api.orders.router`, `.routes.router`. */
export function dottedReference(reference: string, bindings: Map<string, PythonBinding>): string | undefined {
  const [head = '', ...rest] = reference.split('.');
  const binding = bindings.get(head);
  if (!binding) return undefined;
  const base =
    binding.name === undefined
      ? binding.module
      : `${binding.module}${binding.module.endsWith('.') ? '' : '.'}${binding.name}`;
  return [base, ...rest].join('.').replace(/^(\.+)\./, '$1');
}

/** True when the file assigns `name` at the start of a line (a router it declares, not one it imports). */
export function assignsName(view: SourceView, name: string): boolean {
  return new RegExp(`(?:^|\\n)${name}\\s*(?::[^=\\n]+)?=(?!=)`).test(view.masked);
}
