import { patternRule } from '../../review-engine/pattern-rule.js';

/** `alg: none` in any language: a token with no signature is accepted. */
const NONE_ALGORITHM = /\balg(?:orithms?)?['"]?\s*(?::|=>|=)\s*\[?\s*['"]none['"]/i;

export const jwtWithoutVerification = patternRule({
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
  patterns: {
    any: [NONE_ALGORITHM],
    javascript: [/(?<![\w.])jwt\.decode\s*\(/, /\bjwtDecode\s*\(/],
    typescript: [/(?<![\w.])jwt\.decode\s*\(/, /\bjwtDecode\s*\(/],
    python: [
      /jwt\.decode\([^)]*verify\s*=\s*False/,
      /['"]verify_signature['"]\s*:\s*False/,
      /jwt\.get_unverified_claims\s*\(/,
    ],
    go: [/\.ParseUnverified\s*\(/, /UnsafeAllowNoneSignatureType/, /SigningMethodNone\b/],
    java: [/\.parseClaimsJwt\s*\(/, /\.parseUnsecuredClaims\s*\(/, /\bJWT\.decode\s*\(/],
    kotlin: [/\.parseClaimsJwt\s*\(/, /\.parseUnsecuredClaims\s*\(/, /\bJWT\.decode\s*\(/],
    ruby: [/JWT\.decode\(\s*[^,]+,\s*[^,]+,\s*false\b/],
    csharp: [
      /RequireSignedTokens\s*=\s*false/,
      /ValidateIssuerSigningKey\s*=\s*false/,
      /SignatureValidator\s*=/,
    ],
    rust: [/insecure_disable_signature_validation\s*\(/, /dangerous_insecure_decode/],
    elixir: [/Joken\.peek_claims\s*\(/],
  },
});
