import type { Grammar } from '../../code/syntax/grammar.js';
import { lineOf, stringValue } from '../../code/syntax/node-text.js';
import type { SyntaxNode } from '../../code/syntax/parse-source.js';
import { selectNodes } from '../../code/syntax/select-nodes.js';
import { STRING_TYPES } from '../../code/view/node-kinds.js';

/** One read of an environment variable in a file's syntax tree. */
export interface EnvRead {
  name: string;
  line: number;
}

/** Variables the platform sets, never configuration a deployment has to provide. */
export const PLATFORM_VARIABLES: ReadonlySet<string> = new Set([
  'PATH',
  'HOME',
  'USER',
  'PWD',
  'SHELL',
  'TMPDIR',
  'TEMP',
  'TMP',
  'HOSTNAME',
  'LANG',
  'LC_ALL',
  'TERM',
]);

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const UPPER_NAME = /^[A-Z][A-Z0-9_]*$/;

/**
 * Calls whose first argument names an environment variable, by the callee's text (whitespace
 * removed). `upper` marks generic calls (django-environ's `env('X')`, decouple's `config('X')`,
 * Laravel's `env('X')`) that count only with an upper-case name.
 */
const READER_CALLS: readonly { callee: RegExp; upper?: boolean }[] = [
  { callee: /^Deno\.env\.get$/ },
  { callee: /^(os\.)?environ\.(get|setdefault|pop)$/ },
  { callee: /^(os\.)?getenv$/ },
  { callee: /^env(\.\w+)?$|^config$/, upper: true },
  { callee: /^os\.(Getenv|LookupEnv)$/ },
  { callee: /^(std::)?env::var(_os)?$|^dotenvy?::var$/ },
  { callee: /^System\.getenv$/ },
  { callee: /^ENV\.(fetch|key\?|has_key\?|include\?)$/ },
  { callee: /^getenv$/ },
  { callee: /^Environment\.GetEnvironmentVariable$/ },
  { callee: /^System\.(get_env|fetch_env!?)$/ },
];

/** Maps indexed by a variable's name: `process.env['X']`, `os.environ['X']`, `ENV['X']`, `$_ENV['X']`. */
const ENV_MAPS = /^(process\.env|Bun\.env|import\.meta\.env|(os\.)?environ|ENV|\$_ENV)$/;
/** Objects whose properties are variables: `process.env.X`. */
const ENV_OBJECTS = /^(process\.env|Bun\.env|import\.meta\.env)$/;
const ENV_MACROS = /^(option_)?env$/;
/** Struct tags of caarlos0/env and kelseyhightower/envconfig. */
const GO_ENV_TAG = /\benv(?:config)?:"([A-Za-z_][A-Za-z0-9_]*)/g;
/** Spring's `@Value("${X}")`: a property; an upper-case name is the environment variable itself. */
const SPRING_VALUE = /^\$\{([A-Z][A-Z0-9_]*)(?::[^}]*)?\}$/;

/** Nodes between a call's argument and the call: argument wrappers and argument lists. */
const ARGUMENT_LAYERS = new Set([
  'argument',
  'arguments',
  'argument_list',
  'value_argument',
  'value_arguments',
  'call_suffix',
  'annotation_argument_list',
]);
const SUBSCRIPTS = new Set(['subscript', 'subscript_expression', 'element_reference', 'index_expression']);

const compact = (text: string): string => text.replace(/\s+/g, '');

/** The call a string is the first argument of, and the text before its arguments (the callee). */
function callOfFirstArgument(node: SyntaxNode): { call: SyntaxNode; callee: string } | undefined {
  let child = node;
  let parent = node.parent;
  while (parent && ARGUMENT_LAYERS.has(parent.type)) {
    if (parent.firstNamedChild?.id !== child.id) return undefined;
    child = parent;
    parent = parent.parent;
  }
  if (!parent || child.id === node.id) return undefined;
  return { call: parent, callee: compact(parent.text.slice(0, child.startIndex - parent.startIndex)) };
}

function readCallArgument(node: SyntaxNode, name: string): string | undefined {
  const found = callOfFirstArgument(node);
  if (!found) return undefined;
  if (found.call.type === 'annotation' || found.call.type === 'marker_annotation') return undefined;
  const reader = READER_CALLS.find((candidate) => candidate.callee.test(found.callee));
  if (!reader || (reader.upper && !UPPER_NAME.test(name))) return undefined;
  return name;
}

function readSubscript(node: SyntaxNode): boolean {
  const parent = node.parent;
  if (!parent || !SUBSCRIPTS.has(parent.type)) return false;
  const object = parent.firstNamedChild;
  return object !== null && object.id !== node.id && ENV_MAPS.test(compact(object.text));
}

function readMacro(node: SyntaxNode): boolean {
  const tree = node.parent;
  const macro = tree?.parent;
  if (tree?.type !== 'token_tree' || macro?.type !== 'macro_invocation') return false;
  return ENV_MACROS.test(macro.childForFieldName('macro')?.text ?? '');
}

function readAnnotation(node: SyntaxNode, value: string): string | undefined {
  const found = callOfFirstArgument(node);
  if (!found || !/^@?Value$/.test(found.callee)) return undefined;
  return SPRING_VALUE.exec(value)?.[1];
}

/** The variable a string literal names, when its place in the tree reads one. */
function readString(node: SyntaxNode, grammar: Grammar): string[] {
  const value = stringValue(node);
  if (value === undefined) return [];
  if (grammar === 'go' && node.parent?.type === 'field_declaration')
    return [...value.matchAll(GO_ENV_TAG)].map((match) => match[1] ?? '');
  if (grammar === 'java' || grammar === 'kotlin') {
    const annotated = readAnnotation(node, value);
    if (annotated) return [annotated];
  }
  if (!NAME.test(value)) return [];
  if (readSubscript(node) || (grammar === 'rust' && readMacro(node))) return [value];
  const called = readCallArgument(node, value);
  return called ? [called] : [];
}

/** `const { A, B: b, C = 1 } = process.env`: the names of the pattern. */
function destructuredNames(declarator: SyntaxNode): string[] {
  const value = declarator.childForFieldName('value');
  const pattern = declarator.childForFieldName('name');
  if (!value || pattern?.type !== 'object_pattern' || !ENV_OBJECTS.test(compact(value.text))) return [];
  const names: string[] = [];
  for (const part of pattern.namedChildren) {
    if (!part) continue;
    const key =
      part.type === 'shorthand_property_identifier_pattern'
        ? part
        : (part.childForFieldName('key') ?? part.childForFieldName('left'));
    if (key && NAME.test(key.text)) names.push(key.text);
  }
  return names;
}

function readJavaScriptObjects(root: SyntaxNode, grammar: Grammar): EnvRead[] {
  const reads: EnvRead[] = [];
  const nodes = selectNodes(grammar, root, {
    members: ['member_expression'],
    declarators: ['variable_declarator'],
  });
  for (const member of nodes.members) {
    const object = member.childForFieldName('object');
    const property = member.childForFieldName('property');
    if (object && property && ENV_OBJECTS.test(compact(object.text)) && NAME.test(property.text))
      reads.push({ name: property.text, line: lineOf(member) });
  }
  for (const declarator of nodes.declarators)
    for (const name of destructuredNames(declarator)) reads.push({ name, line: lineOf(declarator) });
  return reads;
}

/** Every environment variable a file reads, by its syntax tree: comments and strings that only mention a variable never count. */
export function readEnvReads(root: SyntaxNode, grammar: Grammar): EnvRead[] {
  const reads: EnvRead[] = [];
  for (const node of selectNodes(grammar, root, { strings: STRING_TYPES }).strings)
    for (const name of readString(node, grammar)) reads.push({ name, line: lineOf(node) });
  if (grammar === 'javascript' || grammar === 'typescript' || grammar === 'tsx')
    reads.push(...readJavaScriptObjects(root, grammar));
  return reads
    .filter((read) => read.name !== '' && !PLATFORM_VARIABLES.has(read.name))
    .sort((a, b) => a.line - b.line);
}
