import type { DiffLine } from '../../../code/diff/changed-file.js';
import { addedLineRegions, type LineRegions } from '../../review-engine/code-regions.js';
import type { ReviewRule, RuleHit } from '../../review-engine/review-rule.js';
import type { ReviewedFile } from '../../review-engine/reviewed-file.js';
import { isCommentLine } from '../../review-engine/line-kinds.js';
import {
  isGenericTokenName,
  isMachineCredentialName,
  isPlaceholderValue,
  isSecretName,
  looksRandom,
} from './secret-values.js';
import { findSecretInCode } from '../../../redaction/secret-patterns.js';
import { fallbackHits } from './secret-fallbacks.js';

/** `name = "value"`, `name := "value"`, `name: Type = "value"`, `$name = 'value'`, `@name = 'value'`. */
const ASSIGNMENT =
  /(?:^|[^\w$@.])[$@]?([A-Za-z_][\w]*)\s*(?::\s*[A-Za-z_][\w.<>[\]?]*\s*)?(?::=|(?<![=!<>])=(?![=>~]))\s*(["'])((?:\\.|(?!\2).)*)\2/g;
/** `name: "value"`, `"name": "value"`, `'name' => 'value'`, `:name => 'value'`. */
const KEY_VALUE = /(?:^|[\s{(,[])(?::|["'])?([A-Za-z_][\w.-]*)["']?\s*(?::|=>)\s*(["'])((?:\\.|(?!\2).)*)\2/g;

/** A literal assigned to a name, with the offset of the value's opening quote. */
interface LiteralAssignment {
  name: string;
  value: string;
  quote: number;
}

function literalAssignments(text: string): LiteralAssignment[] {
  const pairs: LiteralAssignment[] = [];
  for (const pattern of [ASSIGNMENT, KEY_VALUE]) {
    for (const match of text.matchAll(pattern)) {
      const value = match[3] ?? '';
      // The match ends with the quoted value.
      const quote = match.index + match[0].length - value.length - 2;
      pairs.push({ name: match[1] ?? '', value, quote });
    }
  }
  return pairs;
}

/**
 * The name a credential is assigned to on this line, if any. Pairs inside a comment, a string or a docstring
 * are examples in prose (RFC sample tokens in oauthlib's docstrings), not code.
 */
function secretAssignment(regions: LineRegions): string | null {
  for (const { name, value, quote } of literalAssignments(regions.text)) {
    if (regions.kindAt(quote) !== 'code') continue;
    if (isGenericTokenName(name) && looksRandom(value)) return name;
    if (!isSecretName(name) || isPlaceholderValue(value, name)) continue;
    // `CONFIG_API_KEY = 'configapi'` names a key; a real API key or token looks generated.
    if (!isMachineCredentialName(name) || /\d/.test(value)) return name;
  }
  return null;
}

/** The smallest real private key (Ed25519, PKCS#8) has 64 base64 characters between its armour lines. */
const SHORTEST_KEY_BODY = 64;
/** How many lines after the BEGIN line a key body is read for. */
const KEY_BODY_LINES = 60;

/** The base64 characters of a piece of a key, escaped newlines (`\n` in a one-line string) left out. */
function base64Characters(text: string): string {
  return text.replace(/\\n/g, '').replace(/[^A-Za-z0-9+/=]/g, '');
}

/** A line that holds only key text, possibly as a string piece (`'MIIE…\n' +`). */
const KEY_TEXT_LINE = /^\s*['"`]?[A-Za-z0-9+/=]+(?:\\n)?['"`]?\s*[+,]?\s*$/;

/**
 * The number of base64 characters of the private key whose BEGIN line is `lines[index]`: up to its END line,
 * the end of the one-line string it is written in, or the first following line that is not key text.
 */
function keyBodyLength(lines: readonly DiffLine[], index: number): number {
  const first = (lines[index]?.text ?? '').replace(/^.*?PRIVATE KEY(?: BLOCK)?-----/, '');
  const firstEnd = /-----END|['"`]/.exec(first);
  let body = base64Characters(firstEnd ? first.slice(0, firstEnd.index) : first);
  if (firstEnd && (body.length > 0 || firstEnd[0] === '-----END')) return body.length;
  for (let next = index + 1; next < lines.length && next <= index + KEY_BODY_LINES; next += 1) {
    const line = lines[next];
    if (!line || line.line !== (lines[next - 1]?.line ?? 0) + 1) break;
    const end = line.text.indexOf('-----END');
    if (end >= 0) return body.length + base64Characters(line.text.slice(0, end)).length;
    if (!KEY_TEXT_LINE.test(line.text)) break;
    body += base64Characters(line.text);
  }
  return body.length;
}

function tokenHits(file: ReviewedFile): RuleHit[] {
  const relaxed = file.isTest || file.isFixture;
  const hits: RuleHit[] = [];
  for (const [index, line] of file.added.entries()) {
    const format = findSecretInCode(line.text);
    if (!format) continue;
    // Tests of redaction or parsing use a stub between the armour lines; it could not be a working key.
    if (relaxed && format === 'private key' && keyBodyLength(file.added, index) < SHORTEST_KEY_BODY) continue;
    hits.push({
      line: line.line,
      severity: relaxed ? 'low' : 'high',
      title: `Hard-coded ${format}`,
      explanation: relaxed
        ? `The ${format} committed in this test or fixture is exposed to everyone who can read the repository, if it was ever real.`
        : `The ${format} committed here can be used by anyone who can read the repository or its history.`,
    });
  }
  return hits;
}

function assignmentHits(file: ReviewedFile): RuleHit[] {
  // Literal passwords in tests and fixtures are test data, not credentials.
  if (!file.language || file.isTest || file.isFixture) return [];
  // Read the syntax tree only for a file with a line that assigns a quoted value.
  if (!file.added.some((line) => /['"`]/.test(line.text) && /[=:]/.test(line.text))) return [];
  const regions = addedLineRegions(file);
  const hits: RuleHit[] = [];
  for (const line of file.added) {
    const lineRegions = regions?.get(line.line);
    if (!lineRegions || isCommentLine(file, line) || findSecretInCode(line.text)) continue;
    const name = secretAssignment(lineRegions);
    if (name) hits.push({ line: line.line, title: `Hard-coded credential in \`${name}\`` });
  }
  return hits;
}

export const hardcodedSecret: ReviewRule = {
  id: 'security/hardcoded-secret',
  severity: 'high',
  title: 'Hard-coded secret',
  explanation:
    'A credential is written into the code: it ends up in every clone and in git history, and cannot be rotated without a deploy.',
  fix: {
    default:
      'Read the value from the environment or a secret manager at runtime with no literal fallback (fail at start-up when it is missing), and rotate this credential: it is already in git history.',
    javascript:
      'Use `process.env.NAME` validated at start-up (throw when it is missing, no `||` fallback) or a secret manager, and rotate this credential.',
    python:
      'Use `os.environ["NAME"]` (a KeyError at start-up beats a default), pydantic-settings or django-environ without a default, and rotate this credential.',
    go: 'Use `os.Getenv("NAME")` and fail at start-up when it is empty (no default value), or a secret manager, and rotate this credential.',
    java: 'Inject it from configuration (`@Value("${name}")` with no `:default`, backed by an env var or Vault), and rotate this credential.',
    ruby: 'Use `ENV.fetch("NAME")` without a default, or Rails credentials, and rotate this credential.',
    php: "Use `env('NAME')` without a default (Laravel, read in config) or `getenv('NAME')` checked at boot, and rotate this credential.",
    csharp:
      'Use `IConfiguration` (user secrets locally, environment or Key Vault in production), and rotate this credential.',
    rust: 'Use `std::env::var("NAME")` at start-up, and rotate this credential.',
    elixir: 'Use `System.fetch_env!("NAME")` in `config/runtime.exs`, and rotate this credential.',
  },
  check(file) {
    return [...tokenHits(file), ...assignmentHits(file), ...fallbackHits(file)];
  },
};
