import type { CodeLanguage } from '../../../code/language.js';
import type { ReviewRule, RuleHit } from '../../review-engine/review-rule.js';
import { addedRuns } from '../../review-engine/reviewed-file.js';
import { isCommentLine } from '../../review-engine/line-kinds.js';

/** Broken digests: MD5 and SHA-1. */
const BROKEN_DIGEST: Readonly<Record<CodeLanguage, RegExp>> = {
  javascript: /createHash\(\s*['"`](?:md5|sha1)['"`]|\b(?:md5|sha1|MD5|SHA1)\s*\(/,
  typescript: /createHash\(\s*['"`](?:md5|sha1)['"`]|\b(?:md5|sha1|MD5|SHA1)\s*\(/,
  python: /hashlib\.(?:md5|sha1)\s*\(|hashlib\.new\(\s*['"](?:md5|sha1)['"]/,
  go: /\b(?:md5|sha1)\.(?:Sum|New)\s*\(/,
  java: /MessageDigest\.getInstance\(\s*"(?:MD5|SHA-?1)"|DigestUtils\.(?:md5|sha1)(?:Hex)?\s*\(/,
  kotlin: /MessageDigest\.getInstance\(\s*"(?:MD5|SHA-?1)"|DigestUtils\.(?:md5|sha1)(?:Hex)?\s*\(/,
  ruby: /Digest::(?:MD5|SHA1)\.(?:hex|base64)?digest\s*[( ]/,
  php: /\b(?:md5|sha1)\s*\(|\bhash\(\s*['"](?:md5|sha1)['"]/,
  csharp: /\b(?:MD5|SHA1)\.(?:Create|HashData)\s*\(|new\s+(?:MD5|SHA1)(?:CryptoServiceProvider|Managed)\s*\(/,
  rust: /\bmd5::compute\s*\(|\bSha1::(?:new|digest)\s*\(|\bMd5::(?:new|digest)\s*\(/,
  elixir: /:crypto\.hash\(\s*:(?:md5|sha)\b/,
};

/** Fast general-purpose digests and MACs: fine for data, too fast for passwords when used alone. */
const FAST_DIGEST: Readonly<Record<CodeLanguage, RegExp>> = {
  javascript: /createHash\(\s*['"`]sha(?:256|384|512)['"`]|createHmac\(\s*['"`](?:md5|sha\d*)['"`]/,
  typescript: /createHash\(\s*['"`]sha(?:256|384|512)['"`]|createHmac\(\s*['"`](?:md5|sha\d*)['"`]/,
  python: /hashlib\.sha(?:256|384|512)\s*\(|\bhmac\.(?:new|digest)\s*\(/,
  go: /\bsha(?:256|512)\.(?:Sum(?:256|512)?|New)\s*\(|\bhmac\.New\s*\(/,
  java: /MessageDigest\.getInstance\(\s*"SHA-?(?:256|384|512)"|DigestUtils\.sha(?:256|384|512)(?:Hex)?\s*\(|HmacUtils\.hmacSha\d+(?:Hex)?\s*\(/,
  kotlin:
    /MessageDigest\.getInstance\(\s*"SHA-?(?:256|384|512)"|DigestUtils\.sha(?:256|384|512)(?:Hex)?\s*\(/,
  ruby: /Digest::SHA(?:256|384|512)\.(?:hex|base64)?digest\s*[( ]|OpenSSL::HMAC\.(?:hex)?digest\s*\(/,
  php: /\bhash\(\s*['"]sha(?:256|384|512)['"]|\bhash_hmac\(\s*['"](?:md5|sha\d*)['"]/,
  csharp: /\bSHA(?:256|512)\.(?:Create|HashData)\s*\(|new\s+HMACSHA(?:1|256|512)\s*\(/,
  rust: /\bSha(?:256|512)::(?:new|digest)\s*\(/,
  elixir: /:crypto\.(?:hash|mac)\(\s*:(?:sha(?:256|512)|hmac)\b/,
};

/**
 * A name that ends in password (`password`, `user.password`, `$newPassword`, `password.encode()`), not one that
 * only starts with it: `passwordResetToken` and `password_reset_token` hash a token.
 */
const PASSWORD_WORD = /(?:pass(?:word|wd|phrase)|\bpwd)(?![a-z0-9_])/i;
/** A later line feeding a password into the digest made above: `md.update(password)`, `.digest(pwd.getBytes())`. */
const PASSWORD_FED_TO_DIGEST =
  /\.(?:update|digest|doFinal|Write|ComputeHash|HashData)\s*\([^)]*(?:pass(?:word|wd|phrase)|\bpwd)(?![a-z0-9_])/i;
/** How many following lines may feed the digest. */
const FOLLOWING_LINES = 3;

export const weakPasswordHash: ReviewRule = {
  id: 'security/weak-password-hash',
  severity: 'high',
  title: 'Password hashed with a fast digest',
  explanation:
    'Passwords hashed with MD5, SHA-1 or a single unsalted SHA-2 round can be cracked at billions of guesses per second once the table leaks.',
  fix: {
    default:
      'Use a password-hashing function with a per-password salt and a work factor: Argon2id, scrypt or bcrypt.',
    javascript:
      'Use `argon2.hash(password)` (argon2 package) or `bcrypt.hash(password, 12)`, and `verify`/`compare` to check.',
    python:
      "Use `argon2-cffi` (`PasswordHasher().hash(password)`), `bcrypt.hashpw`, or Django's `make_password`.",
    go: 'Use `golang.org/x/crypto/bcrypt.GenerateFromPassword` or `golang.org/x/crypto/argon2.IDKey` with a random salt.',
    java: "Use Spring Security's `Argon2PasswordEncoder` or `BCryptPasswordEncoder`.",
    ruby: 'Use `has_secure_password` (bcrypt) or `BCrypt::Password.create(password)`.',
    php: 'Use `password_hash($password, PASSWORD_ARGON2ID)` and `password_verify`.',
    csharp:
      "Use ASP.NET Core Identity's `PasswordHasher<TUser>` or `Rfc2898DeriveBytes.Pbkdf2` with a random salt and ≥ 600,000 iterations.",
    rust: 'Use the `argon2` crate (`Argon2::default().hash_password`) with a random `SaltString`.',
    elixir: 'Use `Argon2.hash_pwd_salt/1` (argon2_elixir) or `Bcrypt.hash_pwd_salt/1`.',
  },
  check(file) {
    const language = file.language;
    if (!language || file.isTest) return [];
    const hits: RuleHit[] = [];
    for (const run of addedRuns(file)) {
      run.forEach((line, index) => {
        const broken = BROKEN_DIGEST[language].exec(line.text);
        const digest = broken ?? FAST_DIGEST[language].exec(line.text);
        if (!digest || isCommentLine(file, line)) return;
        // A digest named in a message or a comment (`'sha1(password) is deprecated'`) runs nothing.
        if ((file.view()?.line(line.line)?.kindAt(digest.index) ?? 'code') !== 'code') return;
        // The password must go into the digest: `passwordResetToken = sha256(token)` hashes a token, not a password.
        const digestInput = line.text.slice(digest.index);
        const following = run.slice(index + 1, index + 1 + FOLLOWING_LINES);
        const hashesPassword =
          PASSWORD_WORD.test(digestInput) ||
          following.some((other) => PASSWORD_FED_TO_DIGEST.test(other.text));
        if (!hashesPassword) return;
        hits.push(broken ? { line: line.line } : { line: line.line, severity: 'medium' });
      });
    }
    return hits;
  },
};
