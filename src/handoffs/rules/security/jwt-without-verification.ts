import type { CodeLanguage } from '../../../code/language.js';
import { addedLineRegions, matchesInCode, type LineRegions } from '../../review-engine/code-regions.js';
import type { ReviewRule, RuleHit } from '../../review-engine/review-rule.js';
import { isCommentLine } from '../../review-engine/line-kinds.js';

type Patterns = Partial<Record<CodeLanguage, readonly RegExp[]>>;

/** `alg: none` in any language: a token with no signature is accepted. */
const NONE_ALGORITHM = /\balg(?:orithms?)?['"]?\s*(?::|=>|=)\s*\[?\s*['"]none['"]/i;

/**
 * `alg: 'none'` written as code: the key is code or a quoted key, and `'none'` is a string literal of its own
 * (not words in a message such as `'When alg = "none", key value must be None.'`).
 */
function acceptsNoneAlgorithm(regions: LineRegions): boolean {
  for (const match of regions.text.matchAll(new RegExp(NONE_ALGORITHM.source, 'gi'))) {
    const key = regions.kindAt(match.index);
    const keyInCode = key === 'code' || (key === 'string' && regions.kindAt(match.index - 1) === 'code');
    // The match ends with the quoted `none`: its opening quote is six characters from the end.
    if (keyInCode && regions.kindAt(match.index + match[0].length - 6) === 'code') return true;
  }
  return false;
}

/** Switching verification off: always wrong outside tests. */
const VERIFICATION_OFF: Patterns = {
  python: [/jwt\.decode\([^)]*verify\s*=\s*False/, /['"]verify_signature['"]\s*:\s*False/],
  go: [/UnsafeAllowNoneSignatureType/, /SigningMethodNone\b/],
  java: [/\.parseClaimsJwt\s*\(/, /\.parseUnsecuredClaims\s*\(/, /\.unsecured\s*\(\s*\)/],
  kotlin: [/\.parseClaimsJwt\s*\(/, /\.parseUnsecuredClaims\s*\(/, /\.unsecured\s*\(\s*\)/],
  ruby: [/JWT\.decode\(\s*[^,]+,\s*[^,]+,\s*false\b/],
  csharp: [
    /RequireSignedTokens\s*=\s*false/,
    /ValidateIssuerSigningKey\s*=\s*false/,
    /SignatureValidator\s*=/,
  ],
  rust: [/insecure_disable_signature_validation\s*\(/, /dangerous_insecure_decode/],
};

/** Reading claims without verifying: fine as a first step (to pick the key by `kid`) when the file verifies too. */
const DECODE_ONLY: Patterns = {
  javascript: [/(?<![\w.])jwt\.decode\s*\(/, /(?<![\w.])decodeJwt\s*\(/],
  typescript: [/(?<![\w.])jwt\.decode\s*\(/, /(?<![\w.])decodeJwt\s*\(/],
  python: [/jwt\.get_unverified_claims\s*\(/],
  go: [/\.ParseUnverified\s*\(/],
  java: [/\bJWT\.decode\s*\(/],
  kotlin: [/\bJWT\.decode\s*\(/],
  elixir: [/Joken\.peek_claims\s*\(/],
};

/**
 * A token's payload read by hand: its second dot-separated part base64-decoded
 * (`Buffer.from(token.split('.')[1], 'base64')`, `base64_decode(explode('.', $jwt)[1])`, `b64decode(token.split(".")[1])`).
 */
const HAND_DECODED_PAYLOAD =
  /(?:base64|b64decode|atob|Base64|decode64)[\s\S]*(?:\.split\(\s*['"]\\?\.['"]\s*\)\s*\[\s*1\s*\]|explode\(\s*['"]\.['"]\s*,\s*\$\w+\s*\)\s*\[\s*1\s*\]|\.split\(\s*['"]\\?\.['"]\s*\)\s*\.(?:get\(\s*1\s*\)|nth\(\s*1\s*\)))|(?:\.split\(\s*['"]\\?\.['"]\s*\)|explode\(\s*['"]\.['"]\s*,\s*\$\w+\s*\))\s*\[\s*1\s*\][\s\S]*(?:base64|b64decode|atob|Base64)/;

/** Names that say the text is a token, for hand-decoded payloads. */
const TOKEN_NAME = /token|jwt|bearer|authorization/i;

/** A verification call anywhere in the head file (the pull request's lines and those around them). */
const VERIFIES =
  /\bjwt\.verify\s*\(|\bjwtVerify\s*\(|\.verify\s*\(|\bjwt\.Parse(?:WithClaims)?\s*\(|verify_and_validate|\bdecode\s*\([^)]*,\s*[^)]*algorithms|->validate\s*\(|->assert\s*\(|\bJWT::decode\s*\(/;

export const jwtWithoutVerification: ReviewRule = {
  id: 'security/jwt-without-verification',
  severity: 'high',
  title: 'JWT accepted without signature verification',
  explanation:
    'The token is decoded without checking its signature (or with the `none` algorithm), so anyone can forge its claims.',
  fix: {
    default:
      'Verify the signature with the expected key and an explicit algorithm list before trusting any claim.',
    javascript:
      "Use `jwt.verify(token, key, { algorithms: ['RS256'] })` (jsonwebtoken) or `jwtVerify` (jose); keep `jwt.decode` for logging only.",
    python:
      'Call `jwt.decode(token, key, algorithms=["RS256"])` without `verify=False` or `verify_signature: False`.',
    go: 'Use `jwt.Parse(token, keyFunc, jwt.WithValidMethods([]string{"RS256"}))`, not `ParseUnverified`.',
    java: 'Use `Jwts.parser().verifyWith(key).build().parseSignedClaims(token)` (jjwt) or `JWT.require(alg).build().verify(token)`.',
    ruby: 'Call `JWT.decode(token, key, true, { algorithm: "RS256" })`.',
    csharp:
      'Keep `ValidateIssuerSigningKey = true` and `RequireSignedTokens = true` in `TokenValidationParameters`.',
    rust: 'Use `decode::<Claims>(&token, &key, &Validation::new(Algorithm::RS256))` without disabling signature validation.',
    elixir: 'Use `Joken.verify_and_validate/2` with your signer instead of `Joken.peek_claims/1`.',
  },
  check(file) {
    const language = file.language;
    if (
      !language ||
      file.isTest ||
      !file.added.some((line) => /jwt|jose|joken|token|decode|verify|alg/i.test(line.text))
    )
      return [];
    const regions = addedLineRegions(file);
    if (!regions) return [];
    const verifies =
      file.added.some((line) => VERIFIES.test(line.text)) ||
      (file.facts('security/jwt-verifies', (root) => VERIFIES.test(root.text)) ?? false);
    const patterns = [
      ...(VERIFICATION_OFF[language] ?? []),
      ...(verifies ? [] : (DECODE_ONLY[language] ?? [])),
    ];
    const hits: RuleHit[] = [];
    for (const line of file.added) {
      const lineRegions = regions.get(line.line);
      if (!lineRegions || isCommentLine(file, line)) continue;
      const handDecoded =
        !verifies && HAND_DECODED_PAYLOAD.test(lineRegions.text) && TOKEN_NAME.test(lineRegions.code);
      if (
        handDecoded ||
        acceptsNoneAlgorithm(lineRegions) ||
        patterns.some((pattern) => matchesInCode(pattern, lineRegions, { quotedStart: true }))
      )
        hits.push({ line: line.line });
    }
    return hits;
  },
};
