import type { SecurityTouch } from './change-analysis.js';
import { classifyPath } from '../code/classify-path.js';
import type { FileChange } from '../code/file-change.js';

const PATH_CATEGORIES: [RegExp, string][] = [
  [
    /^(auth|authn|authz|authentication|authorization|authorize|authorizer|authenticator|authenticate)$/,
    'authentication or authorization',
  ],
  [/^(login|logout|signin|signout|sso|saml|oauth|oauth2|oidc|openid|devise|passport)$/, 'sign-in'],
  [/^(session|sessions)$/, 'sessions'],
  [/^(jwt|jwts|token|tokens)$/, 'tokens'],
  [/^(password|passwords|credential|credentials|secret|secrets)$/, 'credentials'],
  [/^(permission|permissions|rbac|acl|acls|policies|roles)$/, 'permissions'],
  [/^(crypto|cryptography|encryption|encrypt|decrypt|cipher|hmac)$/, 'cryptography'],
  [/^(security|csrf|cors|mfa|totp|otp|2fa)$/, 'security'],
];

interface ContentRule {
  pattern: RegExp;
  reason: string;
}

const CONTENT_RULES: ContentRule[] = [
  {
    reason: 'authorization check',
    pattern:
      /@PreAuthorize\b|@PostAuthorize\b|@Secured\b|@RolesAllowed\b|@PermitAll\b|@DenyAll\b|\[Authorize\b|\[AllowAnonymous\b|\.RequireAuthorization\(|\bauthorize!|\bGate::|->can\(|@can\b|\bpermission_classes\b|\bpermission_required\b|\bhas_perm\(|\bhas(?:Any)?Role\(|\bhas(?:Any)?Authority\(|@Roles\(|\bRolesGuard\b|\bskip_authorization\b|\bverify_authorized\b|\bpolicy_scope\b/,
  },
  {
    reason: 'authentication check',
    pattern:
      /\bpassport\.(?:authenticate|use)\(|\bauthenticate_user!|before_action\s+:authenticate|skip_before_action\s+:authenticate|@login_required\b|\bLoginRequiredMixin\b|\bIsAuthenticated\b|@UseGuards\(|\bAuthGuard\(|\bauth:sanctum\b|middleware\(['"]auth\b|\bensureAuthenticated\b|\brequireAuth\b|\bisAuthenticated\(/,
  },
  {
    reason: 'security configuration',
    pattern:
      /\bSecurityFilterChain\b|@EnableWebSecurity\b|@EnableMethodSecurity\b|\bHttpSecurity\b|\.authorizeHttpRequests\(|\.permitAll\(\)|\bAllowAny\b|\bhelmet\(|\bcsrf_exempt\b|\bprotect_from_forgery\b|\bVerifyCsrfToken\b|\.csrf\(|\bAllowAnyOrigin\(|Access-Control-Allow-Origin/,
  },
  {
    reason: 'JSON Web Tokens',
    pattern:
      /\bjsonwebtoken\b|\bjwt\.(?:sign|verify|decode|encode)\(|\bJwtService\b|\bJwtModule\b|@nestjs\/jwt|golang-jwt|\bJwts\.|\bJWT::(?:encode|decode)|\bJwtSecurityToken\b|['"]jose['"]|^\s*import jwt\b|from jwt import/,
  },
  {
    reason: 'password hashing',
    pattern:
      /\bbcrypt\b|\bargon2\b|\bscrypt\b|\bpbkdf2\b|\bPasswordEncoder\b|\bpassword_hash\(|\bpassword_verify\(|\bmake_password\(|\bcheck_password\(|\bhas_secure_password\b|\bHash::(?:make|check)\(|\bPasswordHasher\b|\bpasslib\b|\b(?:generate|check)_password_hash\(/,
  },
  {
    reason: 'sessions or cookies',
    pattern:
      /\bexpress-session\b|\bcookie-session\b|\breq\.session\b|\brequest\.session\b|\bsession\[:|\$_SESSION\b|\bHttpSession\b|\bSessionMiddleware\b|\bsession_regenerate_id\(|\bhttpOnly\s*[:=]|\bsameSite\s*[:=]|\bSESSION_COOKIE_\w+|\bsetcookie\(|\bres\.cookie\(|\bcookies\.(?:signed|encrypted)\b/,
  },
  {
    reason: 'cryptography',
    pattern:
      /\bcrypto\.(?:createHash|createHmac|createCipheriv|createDecipheriv|randomBytes|timingSafeEqual|subtle|scrypt|pbkdf2)\b|['"](?:node:)?crypto['"]|\bhashlib\.|\bhmac\.(?:new|compare_digest)\(|\bsecrets\.(?:token_\w+|compare_digest)\(|\bFernet\b|from cryptography\b|"crypto\/\w+"|golang\.org\/x\/crypto|\bMessageDigest\.getInstance\(|\bCipher\.getInstance\(|\bSecureRandom\b|\bopenssl_(?:encrypt|decrypt|random_pseudo_bytes)\(|\brandom_bytes\(|\bOpenSSL::|System\.Security\.Cryptography|\bRandomNumberGenerator\b|:crypto\./,
  },
];

function pathTokens(path: string): string[] {
  return path
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

function pathTouch(change: FileChange): SecurityTouch | undefined {
  for (const token of pathTokens(change.file.path)) {
    const category = PATH_CATEGORIES.find(([pattern]) => pattern.test(token));
    if (category)
      return {
        file: change.file.path,
        reason: `${category[1]} (the path says "${token}")`,
        project: change.project,
      };
  }
  return undefined;
}

function contentTouches(change: FileChange): SecurityTouch[] {
  const touches: SecurityTouch[] = [];
  const seen = new Set<string>();
  for (const [side, lines] of [
    ['added', change.added],
    ['removed', change.removed],
  ] as const) {
    for (const line of lines) {
      if (line.text.length > 500) continue;
      // One reason per line: the first rule that matches is the most specific.
      for (const rule of CONTENT_RULES) {
        const match = rule.pattern.exec(line.text);
        if (!match) continue;
        if (seen.has(`${side} ${rule.reason}`)) break;
        seen.add(`${side} ${rule.reason}`);
        const verb = side === 'removed' ? 'removes ' : '';
        touches.push({
          file: change.file.path,
          line: line.line,
          reason: `${verb}${rule.reason} (\`${match[0].trim().replace(/`/g, "'")}\`)`,
          side,
          project: change.project,
        });
        break;
      }
    }
  }
  return touches;
}

/**
 * Security-relevant code the PR touches: files whose path names authentication,
 * sessions, tokens, credentials, permissions or cryptography, and added or removed
 * lines that use them (one entry per reason, side and file). Tests and docs are left out.
 */
export function findSecurityTouches(changes: FileChange[]): SecurityTouch[] {
  const touches: SecurityTouch[] = [];
  for (const change of changes) {
    const role = classifyPath(change.file.path).role;
    if (role !== 'source' && role !== 'config') continue;
    const byPath = pathTouch(change);
    if (byPath) touches.push(byPath);
    if (role === 'source') touches.push(...contentTouches(change));
  }
  return touches;
}
