import type { ReviewRule } from '../review-engine/review-rule.js';
import { commandInjection } from '../rules/security/command-injection.js';
import { hardcodedSecret } from '../rules/security/hardcoded-secret.js';
import { jwtWithoutVerification } from '../rules/security/jwt-without-verification.js';
import { permissiveCors } from '../rules/security/permissive-cors.js';
import { secretLogged } from '../rules/security/secret-logged.js';
import { sqlStringBuilding } from '../rules/security/sql-string-building.js';
import { tlsVerificationDisabled } from '../rules/security/tls-verification-disabled.js';
import { weakPasswordHash } from '../rules/security/weak-password-hash.js';

/** The security audit's deterministic rules (security-auditor: vulnerabilities, authentication, data protection). */
export const securityRules: readonly ReviewRule[] = [
  hardcodedSecret,
  sqlStringBuilding,
  weakPasswordHash,
  jwtWithoutVerification,
  tlsVerificationDisabled,
  commandInjection,
  permissiveCors,
  secretLogged,
];
