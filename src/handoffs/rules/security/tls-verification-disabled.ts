import type { Grammar } from '../../../code/syntax/grammar.js';
import { lineOf } from '../../../code/syntax/node-text.js';
import type { SyntaxNode } from '../../../code/syntax/parse-source.js';
import { selectNodes } from '../../../code/syntax/select-nodes.js';
import { COMMENT_TYPES } from '../../../code/view/node-kinds.js';
import { patternRule } from '../../review-engine/pattern-rule.js';
import type { ReviewRule, RuleHit } from '../../review-engine/review-rule.js';
import type { ReviewedFile } from '../../review-engine/reviewed-file.js';

/** Disabling certificate checks for all of Node through the environment, from code or a config line. */
const NODE_TLS_ENV = /NODE_TLS_REJECT_UNAUTHORIZED['"]?\s*[=:]\s*['"]?0\b/;

const tlsPatterns = patternRule({
  id: 'security/tls-verification-disabled',
  severity: 'high',
  title: 'TLS certificate verification disabled',
  explanation:
    'Certificate checks are turned off, so anyone on the network path can impersonate the server and read or alter the traffic.',
  fix: {
    default:
      'Keep verification on; to trust a private CA, add its certificate to the client’s trust store instead.',
    javascript:
      'Remove `rejectUnauthorized: false` / `NODE_TLS_REJECT_UNAUTHORIZED=0`; pass `ca: fs.readFileSync(caPath)` for a private CA.',
    python:
      'Remove `verify=False`; pass `verify="/path/to/ca.pem"` (requests/httpx) or load the CA into the `ssl` context.',
    go: 'Remove `InsecureSkipVerify: true`; set `RootCAs` to a pool holding your CA certificate.',
    java: 'Remove the trust-all manager / no-op hostname verifier; add the CA to a truststore (`javax.net.ssl.trustStore`).',
    ruby: 'Use `OpenSSL::SSL::VERIFY_PEER` and set `ca_file` for a private CA.',
    php: "Keep `CURLOPT_SSL_VERIFYPEER` true and `CURLOPT_SSL_VERIFYHOST` 2; set `CURLOPT_CAINFO` (Guzzle: `'verify' => '/path/ca.pem'`).",
    csharp:
      'Remove the callback that returns `true`; validate the chain against your CA in `ServerCertificateCustomValidationCallback`.',
    rust: 'Remove `danger_accept_invalid_certs(true)`; add the CA with `add_root_certificate`.',
    elixir: 'Use `verify: :verify_peer` with `cacertfile` (or `:public_key.cacerts_get()`).',
  },
  patterns: {
    any: [NODE_TLS_ENV],
    javascript: [/\brejectUnauthorized\s*:\s*false\b/],
    typescript: [/\brejectUnauthorized\s*:\s*false\b/],
    python: [
      /\bverify\s*=\s*False\b/,
      /ssl\._create_unverified_context\s*\(/,
      /\b(?:verify_mode|cert_reqs)\s*=\s*(?:ssl\.)?CERT_NONE\b/,
      /\.check_hostname\s*=\s*False/,
    ],
    go: [/InsecureSkipVerify\s*:\s*true/],
    java: [
      /NoopHostnameVerifier/,
      /ALLOW_ALL_HOSTNAME_VERIFIER/,
      /TrustAllStrategy/,
      /set(?:Default|SSL)?HostnameVerifier\s*\(\s*\(?[^)]*\)?\s*->\s*true/,
    ],
    kotlin: [/NoopHostnameVerifier/, /TrustAllStrategy/, /hostnameVerifier\s*\{\s*_,\s*_\s*->\s*true\s*\}/],
    ruby: [
      /(?:verify_mode\s*=(?!=)|=>|(?<!:):(?!:))\s*(?:::)?(?:OpenSSL::SSL::)?VERIFY_NONE\b/,
      /\bverify:\s*false\b/,
    ],
    php: [
      /CURLOPT_SSL_VERIFYPEER\s*,\s*(?:false|0)\b/,
      /CURLOPT_SSL_VERIFYHOST\s*,\s*(?:false|0)\b/,
      /['"]verify['"]\s*=>\s*false/,
    ],
    csharp: [
      /ServerCertificate(?:Custom)?ValidationCallback\s*=.*=>\s*true/,
      /DangerousAcceptAnyServerCertificateValidator/,
    ],
    rust: [
      /danger_accept_invalid_certs\s*\(\s*true\s*\)/,
      /danger_accept_invalid_hostnames\s*\(\s*true\s*\)/,
    ],
    elixir: [/verify:\s*:verify_none/],
  },
  // Advice that quotes the insecure option (this rule's own fix text) is a string, not a setting.
  inCode: { quotedStart: true },
  // PyJWT's `verify=False` is a JWT problem, reported by the JWT rule; a ternary on a setting is a deliberate option.
  unless: [/jwt\.decode/, /\?.*VERIFY_PEER.*:/],
});

/** Java trust managers whose `checkServerTrusted` does nothing: every certificate is accepted. */
const TRUST_CHECKS = new Set(['checkServerTrusted']);

function emptyTrustChecks(root: SyntaxNode, grammar: Grammar): number[] {
  const { method } = selectNodes(grammar, root, { method: ['method_declaration'] });
  const comments = new Set(COMMENT_TYPES);
  return method
    .filter((node) => TRUST_CHECKS.has(node.childForFieldName('name')?.text ?? ''))
    .filter((node) => {
      const body = node.childForFieldName('body');
      return body !== null && body.namedChildren.every((child) => !child || comments.has(child.type));
    })
    .map(lineOf);
}

function trustAllManagers(file: ReviewedFile): RuleHit[] {
  if (
    file.language !== 'java' ||
    file.isTest ||
    !file.added.some((line) => /checkServerTrusted/.test(line.text))
  )
    return [];
  const added = new Set(file.added.map((line) => line.line));
  return (file.facts('security/empty-trust-checks', emptyTrustChecks) ?? [])
    .filter((line) => added.has(line))
    .map((line) => ({
      line,
      title: 'Trust manager accepts every certificate',
      explanation:
        '`checkServerTrusted` returns without checking anything, so any certificate is trusted and anyone on the network path can impersonate the server.',
    }));
}

/** Files that set a deployed process's environment or command line: images, manifests, package scripts. */
const DEPLOYMENT_FILE =
  /(?:^|\/)(?:Dockerfile(?:\.[\w-]+)?|[\w.-]*\.dockerfile|package\.json|Procfile|[\w.-]+\.ya?ml)$/i;
/** Paths of development, test or example set-ups. */
const NON_PRODUCTION_PATH =
  /(?:^|[/._-])(?:dev|development|local|test|tests|e2e|example|examples|sample|samples)(?:[/._-]|$)/i;

/** `NODE_TLS_REJECT_UNAUTHORIZED=0` in a Dockerfile, a manifest or a package script: the same switch, set outside the code. */
function deploymentEnvironmentHits(file: ReviewedFile): RuleHit[] {
  if (file.language || file.isTest || file.isFixture || !DEPLOYMENT_FILE.test(file.path)) return [];
  if (NON_PRODUCTION_PATH.test(file.path)) return [];
  return file.added
    .filter((line, index) => {
      if (/^\s*#/.test(line.text)) return false;
      if (NODE_TLS_ENV.test(line.text)) return true;
      // A Kubernetes or Compose entry: `- name: NODE_TLS_REJECT_UNAUTHORIZED` with `value: "0"` below it.
      const next = file.added[index + 1];
      return (
        /\bname:\s*['"]?NODE_TLS_REJECT_UNAUTHORIZED['"]?\s*$/.test(line.text) &&
        next?.line === line.line + 1 &&
        /^\s*value:\s*['"]?0['"]?\s*$/.test(next.text)
      );
    })
    .map((line) => ({ line: line.line }));
}

export const tlsVerificationDisabled: ReviewRule = {
  ...tlsPatterns,
  check(file, input) {
    return [...tlsPatterns.check(file, input), ...trustAllManagers(file), ...deploymentEnvironmentHits(file)];
  },
};
