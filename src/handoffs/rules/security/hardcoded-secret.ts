import type { ReviewRule, RuleHit } from '../../review-engine/review-rule.js';
import type { ReviewedFile } from '../../review-engine/reviewed-file.js';
import { isCommentLine } from '../../review-engine/source-text.js';
import {
  isGenericTokenName,
  isMachineCredentialName,
  isPlaceholderValue,
  isSecretName,
  looksRandom,
} from './secret-values.js';
import { findTokenFormat } from './token-formats.js';

/** `name = "value"`, `name := "value"`, `name: Type = "value"`, `$name = 'value'`, `@name = 'value'`. */
const ASSIGNMENT =
  /(?:^|[^\w$@.])[$@]?([A-Za-z_][\w]*)\s*(?::\s*[A-Za-z_][\w.<>[\]?]*\s*)?(?::=|(?<![=!<>])=(?![=>~]))\s*(["'])((?:\\.|(?!\2).)*)\2/g;
/** `name: "value"`, `"name": "value"`, `'name' => 'value'`, `:name => 'value'`. */
const KEY_VALUE = /(?:^|[\s{(,[])(?::|["'])?([A-Za-z_][\w.-]*)["']?\s*(?::|=>)\s*(["'])((?:\\.|(?!\2).)*)\2/g;

function literalAssignments(text: string): { name: string; value: string }[] {
  const pairs: { name: string; value: string }[] = [];
  for (const pattern of [ASSIGNMENT, KEY_VALUE]) {
    for (const match of text.matchAll(pattern)) {
      pairs.push({ name: match[1] ?? '', value: match[3] ?? '' });
    }
  }
  return pairs;
}

function secretAssignment(text: string): string | null {
  for (const { name, value } of literalAssignments(text)) {
    if (isGenericTokenName(name) && looksRandom(value)) return name;
    if (!isSecretName(name) || isPlaceholderValue(value, name)) continue;
    // `CONFIG_API_KEY = 'configapi'` names a key; a real API key or token looks generated.
    if (!isMachineCredentialName(name) || /\d/.test(value)) return name;
  }
  return null;
}

function tokenHits(file: ReviewedFile): RuleHit[] {
  const relaxed = file.isTest || file.isFixture;
  const hits: RuleHit[] = [];
  for (const line of file.added) {
    const format = findTokenFormat(line.text);
    if (!format) continue;
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
  const hits: RuleHit[] = [];
  for (const line of file.added) {
    if (isCommentLine(line.text, file.language) || findTokenFormat(line.text)) continue;
    const name = secretAssignment(line.text);
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
      'Read the value from the environment or a secret manager at runtime, and rotate this credential: it is already in git history.',
    javascript:
      'Use `process.env.NAME` (validated at start-up) or a secret manager, and rotate this credential.',
    python: 'Use `os.environ["NAME"]` (or pydantic-settings / django-environ), and rotate this credential.',
    go: 'Use `os.Getenv("NAME")` (fail at start-up when empty) or a secret manager, and rotate this credential.',
    java: 'Inject it from configuration (`@Value("${name}")` backed by an env var or Vault), and rotate this credential.',
    ruby: 'Use `ENV.fetch("NAME")` or Rails credentials, and rotate this credential.',
    php: "Use `getenv('NAME')` / Laravel `env('NAME')` read in config, and rotate this credential.",
    csharp:
      'Use `IConfiguration` (user secrets locally, environment or Key Vault in production), and rotate this credential.',
    rust: 'Use `std::env::var("NAME")` at start-up, and rotate this credential.',
    elixir: 'Use `System.fetch_env!("NAME")` in `config/runtime.exs`, and rotate this credential.',
  },
  check(file) {
    return [...tokenHits(file), ...assignmentHits(file)];
  },
};
