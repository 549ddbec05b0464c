/**
 * The token as git sends it to GitHub, and as actions/checkout persists it in the git config:
 * the base64 of `x-access-token:<token>`. It must be masked and redacted like the token itself.
 */
export function basicAuthHeaderValue(token: string): string {
  return Buffer.from(`x-access-token:${token}`).toString('base64');
}
