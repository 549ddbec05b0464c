import { argumentCode, readCallArguments } from '../source/read-call.js';
import { firstStringWithin, unescapeString, type SourceView } from '../source/source-view.js';

/** What an imported name refers to: the module specifier and the exported name (`default`, `*` for a namespace, or a named export). */
export interface ImportBinding {
  specifier: string;
  name: string;
}

/** An exported name: a local binding (undefined for an anonymous default export), or a name re-exported from another module. */
export type ExportEntry =
  { kind: 'local'; local: string | undefined } | { kind: 'reexport'; specifier: string; name: string };

/** The imports and exports of one JavaScript or TypeScript module, ESM and CommonJS alike. */
export interface JavascriptModuleShape {
  imports: Map<string, ImportBinding>;
  exports: Map<string, ExportEntry>;
  /** Specifiers of `export * from '…'`. */
  stars: string[];
}

const ESM_IMPORT =
  /\bimport\s+(type\s+)?(?:([\w$]+)\s*,\s*)?([\w$]+|\*\s*as\s+[\w$]+|\{[^}]*\})\s*from\s*['"]/g;
const TS_IMPORT_REQUIRE = /\bimport\s+([\w$]+)\s*=\s*require\s*\(\s*['"]/g;
const CJS_REQUIRE = /\b(?:const|let|var)\s+([\w$]+|\{[^}]*\})\s*=\s*(?:await\s+)?require\s*\(\s*['"]/g;
const EXPORT_DECLARATION =
  /\bexport\s+(?:declare\s+)?(?:const|let|var|class|(?:async\s+)?function\s*\*?)\s+([\w$]+)/g;
const EXPORT_DEFAULT = /\bexport\s+default\s+/g;
const EXPORT_LIST = /\bexport\s+(type\s+)?\{([^}]*)\}(\s*from\s*['"])?/g;
const EXPORT_STAR = /\bexport\s*\*\s*(?:as\s+([\w$]+)\s*)?from\s*['"]/g;
const MODULE_EXPORTS = /\bmodule\s*\.\s*exports\s*=\s*/g;
const NAMED_EXPORTS = /\bexports\s*\.\s*([\w$]+)\s*=\s*/g;
const IDENTIFIER_STATEMENT = /^([\w$]+)\s*(?:;|\n|$)/;
const KEYWORDS = /^(function|class|async|new|await|require|import)$/;

/** The string literal whose content starts at `offset` (just after its opening quote). */
function stringAt(view: SourceView, offset: number): { value: string; end: number } | undefined {
  const span = firstStringWithin(view, offset, offset + 1);
  return span ? { value: unescapeString(view.text.slice(span.start, span.end)), end: span.end } : undefined;
}

/** `a, b as c, default as d, type e` as [exported-or-imported name, local name] pairs. */
function listEntries(list: string): [string, string][] {
  return list
    .split(',')
    .map((entry) => entry.trim().replace(/^type\s+/, ''))
    .flatMap((entry): [string, string][] => {
      const match = /^([\w$]+)(?:\s+as\s+([\w$]+))?$/.exec(entry);
      return match?.[1] ? [[match[1], match[2] ?? match[1]]] : [];
    });
}

function readImports(view: SourceView, imports: Map<string, ImportBinding>): void {
  const { masked } = view;
  for (const match of masked.includes('import') ? masked.matchAll(ESM_IMPORT) : []) {
    const specifier = stringAt(view, match.index + match[0].length)?.value;
    if (match[1] || specifier === undefined) continue;
    const [, , first, clause = ''] = match;
    if (first) imports.set(first, { specifier, name: 'default' });
    const namespace = /^\*\s*as\s+([\w$]+)$/.exec(clause)?.[1];
    if (namespace) imports.set(namespace, { specifier, name: '*' });
    else if (clause.startsWith('{'))
      for (const [name, local] of listEntries(clause.slice(1, -1))) imports.set(local, { specifier, name });
    else imports.set(clause, { specifier, name: 'default' });
  }
  for (const pattern of masked.includes('require') ? [TS_IMPORT_REQUIRE, CJS_REQUIRE] : []) {
    for (const match of masked.matchAll(pattern)) {
      const literal = stringAt(view, match.index + match[0].length);
      if (!literal) continue;
      // require('./routes').orders
      const after = /^.\s*\)\s*(?:\.\s*([\w$]+))?\s*(.?)/.exec(masked.slice(literal.end, literal.end + 80));
      // `require('express').Router()` makes a value; it binds nothing of the module.
      if (!after || after[2] === '(' || after[2] === '.') continue;
      const member = after[1];
      const target = match[1] ?? '';
      if (!target.startsWith('{'))
        imports.set(target, { specifier: literal.value, name: member ?? 'default' });
      else
        for (const entry of target.slice(1, -1).split(',')) {
          const [name, local] = entry.split(':').map((part) => part.trim());
          if (name && /^[\w$]+$/.test(name)) imports.set(local || name, { specifier: literal.value, name });
        }
    }
  }
}

/** What follows `export default` or `module.exports =`: a named local, or something anonymous. */
function exportedValue(view: SourceView, from: number): ExportEntry {
  const code = view.masked.slice(from, from + 200);
  const declared = /^(?:async\s+)?(?:function\s*\*?|class)\s*([\w$]+)?/.exec(code);
  if (declared) return { kind: 'local', local: declared[1] };
  const required = /^require\s*\(\s*['"]/.exec(code);
  const specifier = required ? stringAt(view, from + required[0].length)?.value : undefined;
  if (specifier !== undefined) return { kind: 'reexport', specifier, name: 'default' };
  const name = IDENTIFIER_STATEMENT.exec(code)?.[1];
  return { kind: 'local', local: name && !KEYWORDS.test(name) ? name : undefined };
}

function readCommonJsObject(view: SourceView, open: number, exports: Map<string, ExportEntry>): void {
  for (const field of readCallArguments(view, open)?.arguments ?? []) {
    const match = /^([\w$]+)(?:\s*:\s*([\w$]+))?$/.exec(argumentCode(view, field));
    if (match?.[1]) exports.set(match[1], { kind: 'local', local: match[2] ?? match[1] });
  }
}

function readExports(view: SourceView, shape: JavascriptModuleShape): void {
  const { masked } = view;
  const { exports } = shape;
  for (const match of masked.matchAll(EXPORT_DECLARATION))
    exports.set(match[1] ?? '', { kind: 'local', local: match[1] });
  for (const match of masked.matchAll(EXPORT_DEFAULT))
    exports.set('default', exportedValue(view, match.index + match[0].length));
  for (const match of masked.matchAll(EXPORT_LIST)) {
    if (match[1]) continue;
    const specifier = match[3] ? stringAt(view, match.index + match[0].length)?.value : undefined;
    for (const [local, exported] of listEntries(match[2] ?? ''))
      exports.set(
        exported,
        specifier === undefined ? { kind: 'local', local } : { kind: 'reexport', specifier, name: local },
      );
  }
  for (const match of masked.matchAll(EXPORT_STAR)) {
    const specifier = stringAt(view, match.index + match[0].length)?.value;
    if (specifier === undefined) continue;
    if (match[1]) exports.set(match[1], { kind: 'reexport', specifier, name: '*' });
    else shape.stars.push(specifier);
  }
  for (const match of masked.matchAll(MODULE_EXPORTS)) {
    const from = match.index + match[0].length;
    if (masked[from] === '{') readCommonJsObject(view, from, exports);
    else exports.set('default', exportedValue(view, from));
  }
  for (const match of masked.matchAll(NAMED_EXPORTS)) {
    const from = match.index + match[0].length;
    const local = IDENTIFIER_STATEMENT.exec(masked.slice(from, from + 200))?.[1];
    exports.set(match[1] ?? '', { kind: 'local', local });
  }
}

/** Reads a module's imports and exports from its masked text. */
export function readJavascriptModuleShape(view: SourceView): JavascriptModuleShape {
  const shape: JavascriptModuleShape = { imports: new Map(), exports: new Map(), stars: [] };
  readImports(view, shape.imports);
  if (/\bexport|exports\b/.test(view.masked)) readExports(view, shape);
  return shape;
}
