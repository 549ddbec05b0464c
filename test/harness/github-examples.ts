import { loadGitHubOpenApi } from './openapi-subset.js';

/** A JSON object as the fake sends it; built from GitHub's examples, then patched. */
export type JsonObject = Record<string, unknown>;

/**
 * A fresh copy of one of GitHub's own examples (`components.examples[name].value` in the
 * REST description). Starting from GitHub's examples keeps every field the schema knows,
 * so responses stay realistic; callers overwrite what the fake's state decides.
 */
export function githubExample(name: string): JsonObject {
  const example = loadGitHubOpenApi().components.examples?.[name] as { value?: unknown } | undefined;
  if (example?.value === undefined) throw new Error(`GitHub's description has no example named ${name}`);
  return structuredClone(example.value) as JsonObject;
}

/** The first element of an example that is an array (e.g. `diff-entry-items`). */
export function githubExampleItem(name: string): JsonObject {
  const value = githubExample(name) as unknown;
  if (!Array.isArray(value) || value.length === 0)
    throw new Error(`Example ${name} is not a non-empty array`);
  return value[0] as JsonObject;
}

/** The user GitHub shows for anything done with a workflow's `GITHUB_TOKEN`. */
export const GITHUB_ACTIONS_BOT = { login: 'github-actions[bot]', id: 41898282, type: 'Bot' } as const;

/** Login and type of a GitHub account, as the fake stores them. */
export interface AccountRef {
  login: string;
  type?: 'User' | 'Bot' | 'Organization';
  id?: number;
}

/** A stable numeric id for a login, so the same user keeps the same id in every response. */
function idForLogin(login: string): number {
  let hash = 7;
  for (const char of login) hash = (hash * 31 + char.charCodeAt(0)) % 90_000_000;
  return hash + 1_000_000;
}

/**
 * A `simple-user` object for `account`, from GitHub's example user with every URL rewritten.
 * Bots get GitHub's `/apps/<slug>` profile URL, as the real API returns.
 */
export function githubUser(account: AccountRef): JsonObject {
  const user = githubExample('issue-comment').user as JsonObject;
  const login = account.login;
  const id = account.id ?? (login === GITHUB_ACTIONS_BOT.login ? GITHUB_ACTIONS_BOT.id : idForLogin(login));
  const type = account.type ?? (login.endsWith('[bot]') ? 'Bot' : 'User');
  const rewritten: JsonObject = {};
  for (const [key, value] of Object.entries(user)) {
    // GitHub percent-encodes the brackets of bot logins in URLs (`github-actions%5Bbot%5D`).
    rewritten[key] =
      typeof value === 'string' ? value.replaceAll('/octocat', `/${encodeURIComponent(login)}`) : value;
  }
  const slug = login.replace(/\[bot\]$/, '');
  return {
    ...rewritten,
    login,
    id,
    node_id: Buffer.from(`04:${type}${id}`).toString('base64'),
    avatar_url: `https://avatars.githubusercontent.com/u/${id}?v=4`,
    html_url: type === 'Bot' ? `https://github.com/apps/${slug}` : `https://github.com/${login}`,
    type,
    site_admin: false,
  };
}

/** Rewrites GitHub's example repository (`octocat/Hello-World`) to `owner/repo` in every string. */
export function rewriteRepository<T>(value: T, owner: string, repo: string): T {
  const text = JSON.stringify(value)
    .replaceAll('octocat/Hello-World', `${owner}/${repo}`)
    .replaceAll('github/hello-world', `${owner}/${repo}`);
  return JSON.parse(text) as T;
}

/** GitHub's timestamp format: ISO 8601 in UTC, without milliseconds. */
export function githubTimestamp(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}
