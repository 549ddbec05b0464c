import type { AreaBrief } from './area-brief.js';

export const securityBrief: AreaBrief = {
  area: 'security',
  reviewer: 'security auditor',
  focus: 'vulnerabilities, authentication and authorization flaws, and exposure of sensitive data',
  checks: [
    'SQL, NoSQL, shell or template built by concatenating or interpolating request data',
    'a handler, route or query reachable without the authentication or ownership check its neighbours have (IDOR)',
    'JWTs or signatures accepted without verifying signature, algorithm, expiry or audience',
    'passwords stored or compared in plain text, or hashed with MD5/SHA-1 instead of bcrypt, scrypt or argon2',
    'secrets, keys or default credentials written into code or config',
    'passwords, tokens or personal data written to logs or returned in responses',
    'stack traces or internal errors returned to clients',
    'path traversal, SSRF, unsafe deserialization, open redirects',
    'CORS that reflects any origin with credentials, disabled CSRF protection, or weakened TLS verification',
  ],
  leaveToOthers: 'speed, style and test coverage',
  relevantPaths:
    /auth|login|session|token|password|secret|crypto|permission|role|acl|middleware|security|\.env|config/i,
  relevantCode:
    /\b(query|exec|execute|raw|eval|spawn|system|jwt|bcrypt|md5|sha1|password|secret|token|cookie|cors|csrf|redirect|deserializ|pickle|yaml\.load)\b/i,
};
