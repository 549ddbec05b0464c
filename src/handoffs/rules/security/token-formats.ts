/** Credential formats with a recognisable shape, as their providers document them. */
const TOKEN_FORMATS: readonly { name: string; pattern: RegExp }[] = [
  {
    name: 'private key',
    pattern: /-----BEGIN (?:RSA |EC |DSA |OPENSSH |PGP |ENCRYPTED )?PRIVATE KEY(?: BLOCK)?-----/,
  },
  { name: 'AWS access key id', pattern: /\b(?:AKIA|ASIA)[0-9A-Z]{16}\b/ },
  { name: 'GitHub token', pattern: /\bgh[pousr]_[A-Za-z0-9]{36,255}\b/ },
  { name: 'GitHub fine-grained token', pattern: /\bgithub_pat_[A-Za-z0-9_]{22,255}\b/ },
  { name: 'GitLab token', pattern: /\bglpat-[A-Za-z0-9_-]{20,}\b/ },
  { name: 'Slack token', pattern: /\bxox[abposr]-[A-Za-z0-9-]{10,}/ },
  {
    name: 'Slack webhook URL',
    pattern: /hooks\.slack\.com\/services\/T[A-Z0-9]+\/B[A-Z0-9]+\/[A-Za-z0-9]{20,}/,
  },
  { name: 'Stripe secret key', pattern: /\b[sr]k_live_[0-9A-Za-z]{20,}\b/ },
  { name: 'Google API key', pattern: /\bAIza[0-9A-Za-z_-]{35}\b/ },
  { name: 'Anthropic API key', pattern: /\bsk-ant-(?:api|admin)\d{2}-[A-Za-z0-9_-]{80,}/ },
  { name: 'OpenAI API key', pattern: /\bsk-(?:proj-)?[A-Za-z0-9_-]{20,}T3BlbkFJ[A-Za-z0-9_-]{20,}/ },
  { name: 'npm token', pattern: /\bnpm_[A-Za-z0-9]{36}\b/ },
  { name: 'SendGrid API key', pattern: /\bSG\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43}\b/ },
  { name: 'Twilio API key', pattern: /\bSK[0-9a-f]{32}\b/ },
  { name: 'PyPI token', pattern: /\bpypi-AgEIcHlwaS5vcmc[A-Za-z0-9_-]{50,}/ },
];

/** AWS's documentation keys end in EXAMPLE; a key like that is documentation, not a leak. */
const DOCUMENTED_EXAMPLE = /EXAMPLE/;

/** The kind of credential found in `text` (e.g. "GitHub token"), or null when none is there. */
export function findTokenFormat(text: string): string | null {
  for (const { name, pattern } of TOKEN_FORMATS) {
    const match = pattern.exec(text);
    if (match && !DOCUMENTED_EXAMPLE.test(match[0])) return name;
  }
  return null;
}
