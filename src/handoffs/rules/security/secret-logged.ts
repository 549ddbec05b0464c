import type { CodeLanguage } from '../../../code/language.js';
import type { ReviewRule, RuleHit } from '../../review-engine/review-rule.js';
import { isCommentLine } from '../../review-engine/line-kinds.js';
import { isSecretName } from './secret-values.js';

/** Logging and printing calls, per language; the captured group is the argument list. */
const LOG_CALL: Readonly<Record<CodeLanguage, RegExp>> = {
  javascript:
    /\b(?:console|logger|log|this\.logger|this\.log|req\.log|fastify\.log|app\.log)\.(?:log|info|warn|error|debug|trace|fatal)\s*\((.*)/,
  typescript:
    /\b(?:console|logger|log|this\.logger|this\.log|req\.log|fastify\.log|app\.log)\.(?:log|info|warn|error|debug|trace|fatal)\s*\((.*)/,
  python:
    /\b(?:print|(?:logging|logger|log|self\.logger|app\.logger|current_app\.logger)\.(?:debug|info|warning|warn|error|exception|critical))\s*\((.*)/,
  go: /\b(?:fmt\.Print(?:f|ln)?|log\.(?:Print|Printf|Println|Fatal|Fatalf)|(?:logger|log|slog|zap\.[LS]\(\))\.(?:Info|Debug|Warn|Error|Infof|Debugf|Warnf|Errorf|Infow|Debugw))\s*\((.*)/,
  java: /\b(?:System\.(?:out|err)\.print(?:ln|f)?|(?:log|logger|LOG|LOGGER)\.(?:info|debug|warn|error|trace))\s*\((.*)/,
  kotlin: /\b(?:println|print|(?:log|logger|LOG|LOGGER)\.(?:info|debug|warn|error|trace))\s*\((.*)/,
  ruby: /(?:^\s*(?:puts|pp?)\b|\b(?:Rails\.)?logger\.(?:debug|info|warn|error|fatal))\s*\(?(.*)/,
  php: /\b(?:error_log|var_dump|print_r|(?:Log::|\$this->logger->|\$logger->)(?:debug|info|warning|error|critical))\s*\((.*)/,
  csharp:
    /\b(?:Console\.Write(?:Line)?|_?[lL]ogger\.Log(?:Debug|Information|Warning|Error|Critical|Trace))\s*\((.*)/,
  rust: /\b(?:println|eprintln|print|info|debug|warn|error|trace|tracing::\w+|log::\w+)!\s*\((.*)/,
  elixir: /\b(?:IO\.(?:puts|inspect)|Logger\.(?:debug|info|warning|warn|error))\s*\(?(.*)/,
};

/** Values that are masked, hashed or only described (length, presence) are safe to log. */
const SAFE_USE = /\b(?:redact\w*|mask\w*|sanitiz\w*|hash\w*|scrub\w*|obfuscat\w*)\b|\*{3}/i;

/** The code parts of a log call's arguments: literal text is dropped, interpolated expressions are kept. */
function loggedExpressions(argumentsText: string): string {
  const interpolations: string[] = [];
  const withoutLiterals = argumentsText.replace(
    /(["'`])((?:\\.|(?!\1).)*)\1/g,
    (_literal, _quote, body: string) => {
      for (const match of body.matchAll(/\$\{([^}]*)\}|#\{([^}]*)\}|\{([A-Za-z_][\w.]*)\}/g)) {
        interpolations.push(match[1] ?? match[2] ?? match[3] ?? '');
      }
      return '""';
    },
  );
  return `${withoutLiterals} ${interpolations.join(' ')}`;
}

/** An identifier (or the last segment of a property path) that names a secret and is logged as a value. */
function loggedSecretName(expressions: string): string | null {
  for (const match of expressions.matchAll(/[$@]?([A-Za-z_][\w]*)(?![\w])(\s*[.([]|\s*\?\.)?/g)) {
    const name = match[1] ?? '';
    const followedByAccess = match[2] !== undefined;
    // `token.length`, `password.isEmpty()`: a property of the secret, not the secret.
    if (isSecretName(name) && !followedByAccess) return name;
  }
  return null;
}

export const secretLogged: ReviewRule = {
  id: 'security/secret-logged',
  severity: 'medium',
  title: 'Secret written to logs',
  explanation:
    'A password, token or key is logged: logs are kept long, shipped to other systems and read by more people than the secret should be.',
  fix: {
    default:
      'Log that the value is present (or its last 4 characters), never the value itself; add a redaction step to the logger.',
    javascript: "Drop the value from the log call; with pino, add `redact: ['password', '*.token']`.",
    python: 'Drop the value, or log a masked form; a `logging.Filter` can redact known keys.',
    go: 'Drop the value; with slog, implement `LogValuer` on the secret type to print `[REDACTED]`.',
    java: 'Drop the value, or mask it; override `toString()` of credential types to hide secrets.',
    ruby: 'Drop the value; add the key to `Rails.application.config.filter_parameters`.',
    csharp:
      'Drop the value; mark the property with a redaction attribute (Microsoft.Extensions.Compliance.Redaction).',
    rust: 'Drop the value; wrap secrets in `secrecy::SecretString`, whose Debug output is redacted.',
    elixir: 'Drop the value; derive `Inspect` with `except: [:password]` on the struct.',
  },
  check(file) {
    const language = file.language;
    if (!language || file.isTest) return [];
    const hits: RuleHit[] = [];
    for (const line of file.added) {
      if (SAFE_USE.test(line.text)) continue;
      const call = LOG_CALL[language].exec(line.text);
      if (!call || isCommentLine(file, line)) continue;
      const name = loggedSecretName(loggedExpressions(call[1] ?? ''));
      if (name) hits.push({ line: line.line, title: `\`${name}\` written to logs` });
    }
    return hits;
  },
};
