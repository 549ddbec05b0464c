import { findClosingBracket } from '../source/read-call.js';
import type { SourceView } from '../source/source-view.js';
import type { ImportBinding } from './javascript-module-shape.js';

const ANONYMOUS_EXPORT = /\bexport\s+default\s+|\bmodule\s*\.\s*exports\s*=\s*/;

function escaped(name: string): string {
  return name.replace(/\$/g, '\\$');
}

function definitionAt(view: SourceView, functionName: string | undefined): RegExpExecArray | null {
  const pattern =
    functionName === undefined
      ? ANONYMOUS_EXPORT
      : new RegExp(
          `\\bfunction\\s*\\*?\\s*${escaped(functionName)}\\s*\\(|\\b(?:const|let|var)\\s+${escaped(functionName)}\\s*=\\s*`,
        );
  return pattern.exec(view.masked);
}

/** Offsets of a function's definition up to the end of its body: a named one, or the anonymous default export. */
function definitionSpan(view: SourceView, functionName: string | undefined): [number, number] | undefined {
  const start = definitionAt(view, functionName)?.index;
  const open = start === undefined ? -1 : view.masked.indexOf('{', start);
  const end = open === -1 ? -1 : findClosingBracket(view, open);
  return start === undefined || end === -1 ? undefined : [start, end];
}

/**
 * True when the function (named, or the anonymous default export) takes `receiver` as a
 * parameter or declares it: a Fastify plugin's `fastify`, a factory's `router`. Without
 * this, a middleware exported next to route code would lend the routes its mount path.
 */
export function functionBindsName(
  view: SourceView,
  functionName: string | undefined,
  receiver: string,
): boolean {
  const span = definitionSpan(view, functionName);
  if (!span) return false;
  const name = escaped(receiver);
  const binding = new RegExp(
    `[(,]\\s*${name}\\s*[,):=]|(?<![\\w$.])${name}\\s*=>|\\b(?:const|let|var)\\s+${name}\\s*=`,
  );
  return binding.test(view.masked.slice(span[0], span[1]));
}

/**
 * True when the function is wrapped in `fastify-plugin`: such a plugin shares its parent's
 * scope and Fastify ignores the `prefix` it is registered with
 * (https://fastify.dev/docs/latest/Reference/Plugins/#route-prefixing-option).
 */
export function isSharedFastifyPlugin(
  view: SourceView,
  functionName: string | undefined,
  imports: Map<string, ImportBinding>,
): boolean {
  const found = definitionAt(view, functionName);
  if (!found) return false;
  const from = found.index + found[0].length;
  const callee = /^([\w$]+)\s*\(/.exec(view.masked.slice(from, from + 100))?.[1];
  return callee !== undefined && imports.get(callee)?.specifier === 'fastify-plugin';
}
