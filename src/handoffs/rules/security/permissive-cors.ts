import type { ReviewRule, RuleHit } from '../../review-engine/review-rule.js';
import type { DiffLine } from '../../../code/diff/changed-file.js';
import type { CodeLanguage } from '../../../code/language.js';
import { addedRuns, type ReviewedFile } from '../../review-engine/reviewed-file.js';
import { statementGroups } from '../../review-engine/statement-groups.js';
import { isCommentLine } from '../../review-engine/line-kinds.js';

/** Settings that accept any origin (or echo the caller's origin back). */
const ANY_ORIGIN = [
  /\borigin\s*:\s*(?:true\b|['"]\*['"]|\[\s*['"]\*['"]\s*\])/, // cors({ origin: true | '*' })
  // `origin: (origin, callback) => callback(null, true | origin)`: every origin allowed, or echoed back.
  /\borigin\s*:\s*\(?\s*\w*\s*,?\s*(?:cb|callback)\s*\)?\s*=>\s*(?:cb|callback)\(\s*null\s*,\s*(?:true|origin)\s*\)/,
  // The header set by hand to `*` or to the request's own Origin header.
  /Access-Control-Allow-Origin['"]?\s*(?:,|\]\s*=|=>|:)\s*(?:['"]\*['"]|\*['"]|req(?:uest)?\.headers?(?:\.origin|\[['"](?:http_)?origin['"]\]|\.get\(['"]origin['"]\))|req(?:uest)?\.(?:get|header|getHeader)\(['"]origin['"]\)|r\.Header\.Get\(\s*"origin"\s*\)|c\.(?:GetHeader|Request\.Header\.Get)\(\s*"origin"\s*\)|\$request->headers?(?:->get)?\(\s*['"]origin['"]\s*\)|['"]\s*\.\s*\$_SERVER\[['"]HTTP_ORIGIN['"]\])/i,
  /\ballow_origin_regex\s*=\s*r?['"]\.\*['"]/, // FastAPI / Starlette
  /\ballow_origins\s*=\s*\[\s*['"]\*['"]\s*\]/, // FastAPI / Starlette
  /\bAllowAllOrigins\s*:\s*true/, // gin-contrib/cors
  /\bAllow(?:ed)?Origins\s*:\s*\[\]string\{\s*"\*"\s*\}/, // gin-contrib/cors, rs/cors
  /\bAllowOriginFunc\s*:\s*func\s*\([^)]*\)\s*bool\s*\{\s*return\s+true/,
  /\ballowedOrigin(?:Pattern)?s?\s*\(\s*"\*"\s*\)/, // Spring CorsRegistry
  /\b(?:add|set)AllowedOrigin(?:Pattern)?s?\s*\(\s*(?:"\*"|List\.of\(\s*"\*"\s*\)|Arrays\.asList\(\s*"\*"\s*\))/,
  /@CrossOrigin\s*\([^)]*origins?\s*=\s*"\*"/,
  /\borigins\s+['"]\*['"]/, // rack-cors
  /['"]allowed_origins['"]\s*=>\s*\[\s*['"]\*['"]\s*\]/, // Laravel config/cors.php
  /\.AllowAnyOrigin\s*\(\s*\)/, // ASP.NET Core
  /\.SetIsOriginAllowed\s*\(\s*\w+\s*=>\s*true\s*\)/,
  /AllowOrigin::mirror_request\s*\(\s*\)|\.allow_origin\s*\(\s*Any\s*\)/, // tower-http
];

/** Settings that send cookies and auth headers cross-origin. */
const WITH_CREDENTIALS = [
  /\bcredentials\s*:\s*true\b/,
  /Access-Control-Allow-Credentials['"]?\s*(?:,|\]\s*=|=>|:)\s*['"]?\s*true/i,
  /\ballow_credentials\s*=\s*True\b/,
  /\bCORS_ALLOW_CREDENTIALS\s*=\s*True/,
  /\bsupports_credentials\s*=\s*True/,
  /\bAllowCredentials\s*:\s*true/,
  /\ballowCredentials\s*(?:\(\s*true\s*\)|=\s*"?true"?)/,
  /\bsetAllowCredentials\s*\(\s*true\s*\)/,
  /['"]supports_credentials['"]\s*=>\s*true/,
  /\.AllowCredentials\s*\(\s*\)/,
  /\.allow_credentials\s*\(\s*true\s*\)/,
];

/** Presets that allow every origin together with credentials on their own. */
const PERMISSIVE_PRESETS = [
  /\bCorsLayer::very_permissive\s*\(\s*\)/,
  /\bCors::permissive\s*\(\s*\)/, // actix-cors: any origin, credentials supported
  // flask-cors defaults `origins` to '*'.
  /\bCORS\s*\(\s*\w+\s*,(?![^)]*\b(?:origins|resources)\s*=)[^)]*\bsupports_credentials\s*=\s*True/,
];

/** Languages whose CORS set-up is usually separate statements (`config.addAllowedOriginPattern("*");`, rack-cors blocks). */
const SPREAD_OVER_STATEMENTS = new Set<CodeLanguage>(['java', 'kotlin', 'ruby']);
/** How close separate statements must be to belong to one CORS configuration. */
const WINDOW = 12;
/** Module-level settings (django-cors-headers) pair up anywhere in the file. */
const SETTINGS_ANY_ORIGIN = /^\s*CORS_(?:ORIGIN_ALLOW_ALL|ALLOW_ALL_ORIGINS)\s*=\s*True/;
const SETTINGS_CREDENTIALS = /^\s*CORS_ALLOW_CREDENTIALS\s*=\s*True/;

const matchesAny = (patterns: readonly RegExp[], text: string): boolean =>
  patterns.some((pattern) => pattern.test(text));

/** The groups of lines that each hold one CORS configuration. */
function configurationScopes(file: ReviewedFile, language: CodeLanguage): DiffLine[][] {
  const scopes: DiffLine[][] = [];
  for (const run of addedRuns(file)) {
    const code = run.filter((line) => !isCommentLine(file, line));
    if (!SPREAD_OVER_STATEMENTS.has(language)) {
      scopes.push(...statementGroups(file, code));
      continue;
    }
    code.forEach((_line, index) => scopes.push(code.slice(Math.max(0, index - WINDOW), index + WINDOW + 1)));
  }
  return scopes;
}

/** Headers set by hand, one statement each: the two that make the hole are read together within a few lines. */
const HEADER_SET = /Access-Control-Allow-Origin/i;

/** An origin checked against a list before it is echoed back: `if (allowed.includes(origin))`, `in_array($origin, $allowed)`. */
const ORIGIN_CHECKED =
  /\b(?:allowed|allowlist|whitelist|trusted)\w*|\.(?:includes|has|indexOf|contains|test|match|endsWith)\s*\([^)]*origin|\bin_array\s*\(|\borigin\w*\s+in\s+\w/i;
/** How far above the header an origin check may stand. */
const CHECK_LOOKBACK = 6;

/** True when a line just above `line` (in the head file, or among the added lines) checks the origin. */
function originChecked(file: ReviewedFile, line: number): boolean {
  for (let above = Math.max(1, line - CHECK_LOOKBACK); above < line; above += 1) {
    const text =
      file.view()?.line(above)?.code ?? file.added.find((added) => added.line === above)?.text ?? '';
    if (ORIGIN_CHECKED.test(text)) return true;
  }
  return false;
}

function headerHits(file: ReviewedFile): RuleHit[] {
  const hits: RuleHit[] = [];
  for (const run of addedRuns(file)) {
    const code = run.filter((line) => !isCommentLine(file, line));
    code.forEach((line, index) => {
      if (!HEADER_SET.test(line.text) || !matchesAny(ANY_ORIGIN, line.text)) return;
      if (originChecked(file, line.line)) return;
      const near = code.slice(Math.max(0, index - WINDOW), index + WINDOW + 1);
      if (near.some((other) => matchesAny(WITH_CREDENTIALS, other.text))) hits.push({ line: line.line });
    });
  }
  return hits;
}

function settingsHits(file: ReviewedFile): RuleHit[] {
  const anyOrigin = file.added.find((line) => SETTINGS_ANY_ORIGIN.test(line.text));
  const credentials = file.added.some((line) => SETTINGS_CREDENTIALS.test(line.text));
  return anyOrigin && credentials ? [{ line: anyOrigin.line }] : [];
}

export const permissiveCors: ReviewRule = {
  id: 'security/permissive-cors',
  severity: 'high',
  title: 'CORS allows any origin with credentials',
  explanation:
    'Any website can make credentialed requests to this API and read the responses, acting as the signed-in user.',
  fix: {
    default: 'List the allowed origins explicitly (from configuration) when credentials are allowed.',
    javascript:
      "Use `cors({ origin: ['https://app.example.com'], credentials: true })`, or check the origin against an allow-list.",
    python:
      'Set `allow_origins=[...]` (FastAPI) or `CORS_ALLOWED_ORIGINS = [...]` (Django) to your front-end origins.',
    go: 'Set `AllowOrigins: []string{"https://app.example.com"}` (from config) instead of `*` or a function returning true.',
    java: 'Use `allowedOrigins("https://app.example.com")` (from configuration) with `allowCredentials(true)`.',
    ruby: "Use `origins 'https://app.example.com'` (rack-cors) when `credentials: true`.",
    php: "List origins in `config/cors.php` `'allowed_origins'` when `'supports_credentials' => true`.",
    csharp:
      'Use `WithOrigins("https://app.example.com")` with `AllowCredentials()`, never `SetIsOriginAllowed(_ => true)`.',
    rust: 'Use `AllowOrigin::list([...])` (tower-http) or `Cors::default().allowed_origin(...)` (actix-cors) instead of permissive presets.',
  },
  check(file) {
    const language = file.language;
    if (!language || file.isTest) return [];
    const hits: RuleHit[] = [...(language === 'python' ? settingsHits(file) : []), ...headerHits(file)];
    for (const scope of configurationScopes(file, language)) {
      const credentials = scope.some((line) => matchesAny(WITH_CREDENTIALS, line.text));
      for (const line of scope) {
        // Headers set by hand are read by `headerHits`, which also looks for an origin check above them.
        if (HEADER_SET.test(line.text)) continue;
        if (matchesAny(PERMISSIVE_PRESETS, line.text) || (credentials && matchesAny(ANY_ORIGIN, line.text))) {
          hits.push({ line: line.line });
        }
      }
    }
    return hits;
  },
};
