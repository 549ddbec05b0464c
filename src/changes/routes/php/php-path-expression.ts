import path from 'node:path';
import type { SyntaxNode } from '../../../code/syntax/parse-source.js';
import { stringValue } from '../../../code/syntax/node-text.js';

/** A file path a PHP expression names: repository-relative, or relative to the project when it starts at `base_path()`. */
export interface PhpPath {
  path: string;
  fromProject: boolean;
}

/** Laravel's path helpers, by the folder of the project they start at. */
const HELPERS: Readonly<Record<string, string>> = { base_path: '', app_path: 'app' };

function firstArgument(call: SyntaxNode): SyntaxNode | undefined {
  const argument = call.childForFieldName('arguments')?.namedChildren[0];
  return argument?.namedChildren[argument.namedChildren.length - 1] ?? undefined;
}

/** The expression's path, `__DIR__` standing for the file's folder; undefined when it is computed. */
function evaluate(node: SyntaxNode, dir: string, depth: number): PhpPath | undefined {
  if (depth > 8) return undefined;
  if (node.type === 'name' && node.text === '__DIR__') return { path: dir, fromProject: false };
  if (node.type === 'parenthesized_expression' && node.namedChildren[0])
    return evaluate(node.namedChildren[0], dir, depth + 1);
  if (node.type === 'binary_expression' && node.childForFieldName('operator')?.text === '.') {
    const left = node.childForFieldName('left');
    const right = node.childForFieldName('right');
    const head = left && evaluate(left, dir, depth + 1);
    const tail = right && stringValue(right);
    return head && tail !== undefined ? { ...head, path: head.path + tail } : undefined;
  }
  if (node.type === 'function_call_expression') {
    const name = node.childForFieldName('function')?.text.replace(/^\\/, '') ?? '';
    const argument = firstArgument(node);
    if (name === 'dirname' && argument) {
      const inner = evaluate(argument, dir, depth + 1);
      return inner && { ...inner, path: path.posix.dirname(inner.path) };
    }
    const folder = HELPERS[name];
    if (folder === undefined) return undefined;
    const tail = argument ? stringValue(argument) : '';
    return tail === undefined ? undefined : { path: path.posix.join(folder, tail), fromProject: true };
  }
  const literal = stringValue(node);
  return literal === undefined ? undefined : { path: literal, fromProject: !literal.startsWith('/') };
}

/**
 * The file a PHP path expression names (`base_path('routes/api.php')`, `__DIR__.'/../routes/web.php'`,
 * `dirname(__DIR__).'/routes/x.php'`), normalised; undefined for anything computed at run time.
 */
export function phpPathOf(node: SyntaxNode, file: string): PhpPath | undefined {
  const found = evaluate(node, path.posix.dirname(file), 0);
  if (!found || !found.path.endsWith('.php')) return undefined;
  const normalised = path.posix.normalize(found.path).replace(/^\.\//, '');
  return normalised.startsWith('../') ? undefined : { ...found, path: normalised };
}
