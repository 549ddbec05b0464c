import { stringValue, textWithout } from '../../../code/syntax/node-text.js';
import type { SyntaxNode } from '../../../code/syntax/parse-source.js';

/** A node's named children, without the nulls and comments. */
export function named(node: SyntaxNode | null | undefined): SyntaxNode[] {
  return (node?.namedChildren ?? []).filter(
    (child): child is SyntaxNode => child !== null && !/comment$/.test(child.type),
  );
}

/** The arguments of a call. */
export function argumentsOf(call: SyntaxNode): SyntaxNode[] {
  return named(call.childForFieldName('arguments')).filter((arg) => arg.type !== 'attribute_item');
}

/** What an argument stands for past `&`, `&mut`, parentheses, `?` and `.await`. */
export function unwrap(node: SyntaxNode): SyntaxNode {
  let current = node;
  for (let depth = 0; depth < 8; depth++) {
    const inner =
      current.type === 'reference_expression'
        ? current.childForFieldName('value')
        : current.type === 'parenthesized_expression' ||
            current.type === 'try_expression' ||
            current.type === 'await_expression'
          ? named(current)[0]
          : undefined;
    if (!inner) return current;
    current = inner;
  }
  return current;
}

const PATH_TYPES = new Set(['identifier', 'type_identifier', 'crate', 'self', 'super', 'field_identifier']);

/** A path as written, in segments: `web::scope` → `['web', 'scope']`, `Router::<S>::new` → `['Router', 'new']`. */
export function pathOf(node: SyntaxNode | null | undefined): string[] | undefined {
  if (!node) return undefined;
  if (PATH_TYPES.has(node.type)) return [node.text];
  if (node.type === 'generic_type' || node.type === 'generic_function') {
    return pathOf(node.childForFieldName('type') ?? node.childForFieldName('function'));
  }
  if (node.type === 'scoped_identifier' || node.type === 'scoped_type_identifier') {
    const name = node.childForFieldName('name')?.text;
    const path = node.childForFieldName('path');
    if (name === undefined) return undefined;
    if (!path) return [name];
    const outer = pathOf(path);
    return outer ? [...outer, name] : undefined;
  }
  return undefined;
}

/** The value of a string literal argument. */
export function stringOf(node: SyntaxNode | undefined): string | undefined {
  return node ? stringValue(unwrap(node)) : undefined;
}

/**
 * A mount's prefix: a string literal, or the string literals of `[base, "/api"].concat()` joined.
 * A part that is not a literal (a base path read from configuration at run time, as in
 * `[basepath, "/api"].concat()`) cannot be known before the app runs; it is empty by default
 * in such apps and the same on both sides of a change, so it counts as empty rather than
 * dropping the mount and every prefix above it. Without any literal part there is no prefix to read.
 */
export function prefixOf(node: SyntaxNode | undefined): string | undefined {
  const literal = stringOf(node);
  if (literal !== undefined || !node) return literal;
  const call = unwrap(node);
  const callee = call.type === 'call_expression' ? call.childForFieldName('function') : null;
  const parts = callee?.type === 'field_expression' ? callee.childForFieldName('value') : null;
  if (callee?.childForFieldName('field')?.text !== 'concat' || parts?.type !== 'array_expression')
    return undefined;
  const values = named(parts).map(stringOf);
  return values.some((value) => value !== undefined)
    ? values.map((value) => value ?? '').join('')
    : undefined;
}

/** Whitespace-free text with every closure written as `fn`: what a declaration says, not its inline handler's body. */
export function declarationText(node: SyntaxNode): string {
  return textWithout(node, (inner) => inner.type === 'closure_expression', 'fn', '|');
}

/**
 * The functions a route-listing macro names: `routes![a, m::b]` → `[['a'], ['m', 'b']]`
 * (Rocket's `routes!`, Actix's `services!`, `openapi_get_routes!`); nothing for other macros.
 */
export function listedPaths(macro: SyntaxNode): string[][] {
  const name = pathOf(macro.childForFieldName('macro'));
  if (!/(?:routes|services)$/.test(name?.[name.length - 1] ?? '')) return [];
  const tree = named(macro).find((child) => child.type === 'token_tree');
  const inner = (tree?.text ?? '').replace(/^[[({]|[\])}]$/g, '');
  return inner
    .split(',')
    .map((item) => item.replace(/\s+/g, ''))
    .filter((item) => /^[A-Za-z_]\w*(?:::[A-Za-z_]\w*)*$/.test(item))
    .map((item) => item.split('::'));
}

/**
 * The names a `use` declaration brings in, each with its full path, and the modules it
 * brings in whole: `use crate::api::{users, posts as p, handlers::*}`.
 */
export function readUse(
  node: SyntaxNode | null,
  prefix: string[],
  uses: Record<string, string[]>,
  globs: string[][],
): void {
  if (!node) return;
  switch (node.type) {
    case 'use_as_clause': {
      const path = pathOf(node.childForFieldName('path'));
      const alias = node.childForFieldName('alias')?.text;
      if (path && alias) uses[alias] = [...prefix, ...path];
      return;
    }
    case 'use_wildcard': {
      const path = pathOf(named(node)[0]);
      globs.push([...prefix, ...(path ?? [])]);
      return;
    }
    case 'scoped_use_list': {
      const path = pathOf(node.childForFieldName('path')) ?? [];
      readUse(node.childForFieldName('list'), [...prefix, ...path], uses, globs);
      return;
    }
    case 'use_list':
      for (const item of named(node)) readUse(item, prefix, uses, globs);
      return;
    case 'self': {
      const last = prefix[prefix.length - 1];
      if (last !== undefined) uses[last] = prefix;
      return;
    }
    default: {
      const path = pathOf(node);
      const last = path?.[path.length - 1];
      if (path && last !== undefined && last !== 'self') uses[last] = [...prefix, ...path];
    }
  }
}
