/** The two ids the runner's `ACTIONS_RUNTIME_TOKEN` carries for the artifact service. */
export interface JobBackendIds {
  workflowRunBackendId: string;
  workflowJobRunBackendId: string;
}

const base64Url = (value: unknown): string =>
  Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');

/**
 * A token shaped like the runner's: a JWT whose `scp` claim holds
 * `Actions.Results:<run backend id>:<job backend id>` among other scopes.
 * @actions/artifact decodes it without checking the signature (it cannot: the
 * key is the service's), so the signature here is a placeholder.
 */
export function makeRuntimeToken(ids: JobBackendIds): string {
  const now = Math.floor(Date.now() / 1000);
  const claims = {
    scp: `Actions.ExampleScope Actions.Results:${ids.workflowRunBackendId}:${ids.workflowJobRunBackendId}`,
    iat: now,
    exp: now + 3600,
  };
  return `${base64Url({ typ: 'JWT', alg: 'RS256' })}.${base64Url(claims)}.c2lnbmF0dXJl`;
}

/** The ids a token was made for, or undefined when it does not carry the Actions.Results scope. */
export function readRuntimeToken(authorization: string | undefined): JobBackendIds | undefined {
  const token = authorization?.startsWith('Bearer ') ? authorization.slice('Bearer '.length) : undefined;
  const payload = token?.split('.')[1];
  if (!payload) return undefined;
  let claims: unknown;
  try {
    claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
  const scopes = typeof claims === 'object' && claims !== null && 'scp' in claims ? String(claims.scp) : '';
  for (const scope of scopes.split(' ')) {
    const [kind, run, job, ...rest] = scope.split(':');
    if (kind === 'Actions.Results' && run && job && rest.length === 0) {
      return { workflowRunBackendId: run, workflowJobRunBackendId: job };
    }
  }
  return undefined;
}
