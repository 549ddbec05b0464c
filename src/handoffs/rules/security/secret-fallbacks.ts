import { isSpringConfigurationPath } from '../../../code/classify-path.js';
import type { Grammar } from '../../../code/syntax/grammar.js';
import { lineOf, stringValue } from '../../../code/syntax/node-text.js';
import type { SyntaxNode } from '../../../code/syntax/parse-source.js';
import { selectNodes } from '../../../code/syntax/select-nodes.js';
import { STRING_TYPES } from '../../../code/view/node-kinds.js';
import type { RuleHit } from '../../review-engine/review-rule.js';
import type { ReviewedFile } from '../../review-engine/reviewed-file.js';
import { isPlaceholderSecret, isSecretName, normaliseName } from './secret-values.js';

/**
 * Secrets read from the environment or configuration with a literal to fall back on:
 * `process.env.JWT_SECRET || 'superSecret'`, `os.getenv('SECRET_KEY', 'dev-key')`,
 * `ENV.fetch('API_TOKEN') { 'abc123' }`, `@Value("${jwt.secret:superSecret}")`. Wherever the variable is
 * unset, the application runs with a secret that everyone who can read the repository knows.
 * Read from the syntax tree: the literal must be the fallback operand or the default argument itself.
 */

/** Operators whose right side is taken when the left one is unset: `||`, `??`, `or`, `?:` (Kotlin, PHP). */
const FALLBACK_OPERATORS = new Set(['||', '??', 'or', '?:', '?  :', '? :']);

/** Environment or configuration reads, each capturing the variable's name (whitespace taken out first). */
const ENV_READS = [
  /^(?:process\.env|import\.meta\.env|Bun\.env)\.([A-Za-z_]\w*)$/,
  /^(?:process\.env|import\.meta\.env|\$_ENV|\$_SERVER|ENV|os\.environ|environ|[\w.]*[cC]onfig(?:uration)?)\[['"]([^'"]+)['"]\]$/,
  /^(?:getenv|env|config|getEnv|Deno\.env\.get)\(['"]([^'"]+)['"]\)$/,
  /^[\w$.]*(?:os|env|environ|environment|config|configuration|configservice|settings|system|properties)(?:\(\))?(?:\.|->|::)(?:getenv|GetEnvironmentVariable|get|fetch|getProperty|getString|GetValue|str)(?:<[^>]*>)?\(['"]([^'"]+)['"]\)$/i,
];

/** Calls whose second argument (or `default=`) is what they return when the variable is unset. */
const DEFAULT_CALLS = [
  /^(?:os\.)?(?:getenv|environ\.get|environ\.setdefault)$/,
  /^(?:config|env|env\.str|env\.get|ENV\.fetch|Env::get)$/,
  /(?:^|\.)getenv\(\)\.getOrDefault$/,
  /^[\w$.]*(?:env|environment|config|configuration|props|properties|System)\.(?:getProperty|GetValue(?:<[^>]*>)?)$/i,
  /(?:^|\.)(?:get_?env|env|lookup_?env)(?:_?or)?(?:_?(?:default|fallback|else))?(?:_?(?:string|str|var|value))?$/i,
  /(?:^|\.)(?:get_?env|env)_?with_?default$/i,
];

/** Calls that return their receiver's value, or the argument when there is none: `cmp.Or(os.Getenv("X"), "lit")`, `.orElse("lit")`. */
const OR_CALLS = /(?:^cmp\.Or|\.orElse|\.unwrap_or|\.getOrElse)$/;

/** Spring's `${name:default}` placeholder. */
const SPRING_PLACEHOLDER = /^\$\{([\w.-]+):([^}]*)\}$/;

/** Paths of settings for development, tests or examples, where a fallback is the point. */
const NON_PRODUCTION_PATH =
  /(?:^|[/._-])(?:dev|development|local|test|tests|testing|example|examples|sample|samples|demo|e2e|mock|mocks|seed|seeds)(?:[/._-]|$)/i;

/** The name a read of the environment or configuration asks for. */
function envName(text: string): string | undefined {
  const compact = text.replace(/\s+/g, '');
  for (const read of ENV_READS) {
    const name = read.exec(compact)?.[1];
    if (name) return name;
  }
  return undefined;
}

/** An environment read anywhere in `text` (`Optional.ofNullable(System.getenv("X")).orElse`). */
function envNameInside(text: string): string | undefined {
  const call =
    /(?:getenv|Getenv|GetEnvironmentVariable|environ\.get|env\.get)\(\s*['"]([^'"]+)['"]\s*\)/.exec(text);
  return call?.[1] ?? /process\.env\.([A-Za-z_]\w*)/.exec(text)?.[1];
}

/** A fallback found in the tree: the literal's line and the variable it stands in for. */
interface Fallback {
  line: number;
  name: string;
  value: string;
}

function operatorFallback(literal: SyntaxNode, root: SyntaxNode): string | undefined {
  const parent = literal.parent;
  if (!parent || parent.lastNamedChild?.id !== literal.id) return undefined;
  const left = literal.previousNamedSibling;
  if (!left) return undefined;
  const between = root.text.slice(left.endIndex, literal.startIndex).trim();
  if (!FALLBACK_OPERATORS.has(between)) return undefined;
  return envName(left.text);
}

/** The argument list holding `literal` (through `argument`, `value_argument` and `default=` wrappers), if any. */
function argumentListOf(literal: SyntaxNode): { list: SyntaxNode; argument: SyntaxNode } | undefined {
  let argument = literal;
  let parent = literal.parent;
  if (parent?.type === 'keyword_argument') {
    if (parent.childForFieldName('name')?.text !== 'default') return undefined;
    argument = parent;
    parent = parent.parent;
  }
  if (parent && (parent.type === 'argument' || parent.type === 'value_argument')) {
    argument = parent;
    parent = parent.parent;
  }
  if (!parent || !/^(?:argument_list|arguments|value_arguments)$/.test(parent.type)) return undefined;
  return { list: parent, argument };
}

function defaultArgumentFallback(literal: SyntaxNode): string | undefined {
  const found = argumentListOf(literal);
  const call = found?.list.parent;
  if (!found || !call) return undefined;
  const callee = call.text.slice(0, found.list.startIndex - call.startIndex).replace(/\s+/g, '');
  const first = found.list.firstNamedChild;
  if (OR_CALLS.test(callee)) {
    if (first?.id === found.argument.id) return envNameInside(callee);
    return first ? (envName(first.text) ?? envNameInside(first.text)) : undefined;
  }
  if (!first || first.id === found.argument.id || !DEFAULT_CALLS.some((call) => call.test(callee)))
    return undefined;
  const nameNode =
    first.type === 'argument' || first.type === 'value_argument' ? first.firstNamedChild : first;
  return stringValue(nameNode);
}

/** Ruby's `ENV.fetch('NAME') { 'literal' }`. */
function blockFallback(literal: SyntaxNode): string | undefined {
  const body = literal.parent;
  if (body?.type !== 'block_body' || body.namedChildCount !== 1) return undefined;
  const call = body.parent?.parent;
  if (call?.type !== 'call' || !/^ENV\.fetch\b/.test(call.text)) return undefined;
  return stringValue(call.childForFieldName('arguments')?.firstNamedChild);
}

/** `const { JWT_SECRET = 'literal' } = process.env`. */
function destructuringFallback(literal: SyntaxNode): string | undefined {
  const pattern = literal.parent;
  if (pattern?.type !== 'object_assignment_pattern') return undefined;
  const declarator = pattern.parent?.parent;
  if (declarator?.type !== 'variable_declarator') return undefined;
  const source = declarator.childForFieldName('value')?.text.replace(/\s+/g, '');
  if (!source || !/^(?:process\.env|import\.meta\.env|Bun\.env)$/.test(source)) return undefined;
  return pattern.firstNamedChild?.text;
}

function fallbackOf(literal: SyntaxNode, root: SyntaxNode): Fallback | undefined {
  const value = stringValue(literal);
  if (value === undefined) return undefined;
  const placeholder = SPRING_PLACEHOLDER.exec(value);
  if (placeholder) return { line: lineOf(literal), name: placeholder[1] ?? '', value: placeholder[2] ?? '' };
  const name =
    operatorFallback(literal, root) ??
    defaultArgumentFallback(literal) ??
    blockFallback(literal) ??
    destructuringFallback(literal);
  return name === undefined ? undefined : { line: lineOf(literal), name, value };
}

function readFallbacks(root: SyntaxNode, grammar: Grammar): Fallback[] {
  const { string } = selectNodes(grammar, root, { string: STRING_TYPES });
  return string
    .map((literal) => fallbackOf(literal, root))
    .filter((found): found is Fallback => found !== undefined);
}

/** A line worth parsing for: it reads the environment or configuration, or holds a Spring placeholder. */
const MENTIONS_ENV = /env|environ|config|getProperty|getOrDefault|GetValue|\$\{[\w.-]+:/i;

/** Variables a front-end build hands to the browser: public by design, so a literal fallback leaks nothing more. */
const PUBLIC_BUILD_VARIABLE = /^(?:VITE|NEXT_PUBLIC|REACT_APP|PUBLIC|EXPO_PUBLIC|NUXT_PUBLIC|GATSBY)_/;

/** Signing and session secrets: a known value lets anyone forge tokens or sessions, not only sign in. */
function isSigningSecret(name: string): boolean {
  return /(?:jwt|session|signing|cookie|token|hmac|app)(?:secret|key)|secret(?:key)?(?:base)?$/.test(
    normaliseName(name),
  );
}

/** `jwt.secret=${JWT_SECRET:literal}` or `secret: ${JWT_SECRET:literal}`: the key, the variable and the default. */
const SPRING_ENTRY = /^\s*([\w.-]+)\s*[:=]\s*["']?\$\{([\w.-]+):([^}]*)\}["']?\s*$/;

/** Fallbacks written in Spring's configuration files (read line by line: a key and its value). */
function springConfigFallbacks(file: ReviewedFile): Fallback[] {
  return file.added.flatMap((line) => {
    const entry = SPRING_ENTRY.exec(line.text);
    if (!entry) return [];
    const [, key = '', variable = '', value = ''] = entry;
    const name = isSecretName(variable) ? variable : key;
    return [{ line: line.line, name, value }];
  });
}

/** Hard-coded fallbacks of secrets on the pull request's added lines. */
export function fallbackHits(file: ReviewedFile): RuleHit[] {
  if (file.isTest || file.isFixture || NON_PRODUCTION_PATH.test(file.path)) return [];
  if (!file.language) return isSpringConfigurationPath(file.path) ? toHits(springConfigFallbacks(file)) : [];
  if (!file.added.some((line) => MENTIONS_ENV.test(line.text) && /['"`]/.test(line.text))) return [];
  const added = new Set(file.added.map((line) => line.line));
  const fallbacks = file.facts('security/secret-fallbacks', readFallbacks) ?? [];
  return toHits(fallbacks.filter((found) => added.has(found.line)));
}

function toHits(fallbacks: readonly Fallback[]): RuleHit[] {
  return (
    fallbacks
      .filter((found) => isSecretName(found.name) && !PUBLIC_BUILD_VARIABLE.test(found.name))
      // `'dev-secret'` or `'keyboard cat'` is what signs tokens when the variable is unset: only stand-ins are quiet.
      .filter((found) => !isPlaceholderSecret(found.value, found.name))
      .map((found) => ({
        line: found.line,
        severity: isSigningSecret(found.name) ? 'high' : 'medium',
        title: `\`${found.name}\` falls back to a hard-coded value`,
        explanation: `Wherever \`${found.name}\` is not set, the application runs with a value written in the repository, known to everyone who can read it.`,
      }))
  );
}
