import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { JsonObject } from './github-examples.js';

const require = createRequire(import.meta.url);

/** One entry of `@octokit/webhooks-examples`' index: an event and its example payloads. */
interface WebhookDefinition {
  name: string;
  actions: string[];
  examples: JsonObject[];
}

let cachedIndex: WebhookDefinition[] | undefined;

function webhookIndex(): WebhookDefinition[] {
  cachedIndex ??= JSON.parse(
    readFileSync(require.resolve('@octokit/webhooks-examples/api.github.com/index.json'), 'utf8'),
  ) as WebhookDefinition[];
  return cachedIndex;
}

/**
 * A fresh copy of a real example payload of `event` (with `action` when given).
 * `index` picks among several examples of the same action.
 */
export function webhookExample(event: string, action?: string, index = 0): JsonObject {
  const definition = webhookIndex().find((candidate) => candidate.name === event);
  if (!definition) throw new Error(`@octokit/webhooks-examples has no ${event} event`);
  const matching = definition.examples.filter((example) => action === undefined || example.action === action);
  const example = matching[index];
  if (!example)
    throw new Error(`@octokit/webhooks-examples has no ${event} ${action ?? ''} example #${index}`);
  return structuredClone(example);
}

/** Where a payload points: the repository, as `owner` and `repo`. */
export interface RepositoryTarget {
  owner: string;
  repo: string;
}

function asObject(value: unknown): JsonObject {
  return value !== null && typeof value === 'object' ? (value as JsonObject) : {};
}

/**
 * Moves every repository object in `payload` (top-level `repository`, and the PR's
 * `head.repo` / `base.repo`) to `target`: URLs are rewritten wherever the example's
 * `owner/name` appears, then `name`, `full_name` and `owner.login` are set.
 */
export function retargetRepository(payload: JsonObject, target: RepositoryTarget): JsonObject {
  const original = asObject(payload.repository);
  const oldFullName = typeof original.full_name === 'string' ? original.full_name : undefined;
  const oldOwner =
    typeof asObject(original.owner).login === 'string' ? String(asObject(original.owner).login) : undefined;
  const fullName = `${target.owner}/${target.repo}`;
  let text = JSON.stringify(payload);
  if (oldFullName)
    text = text.replaceAll(`/${oldFullName}`, `/${fullName}`).replaceAll(`"${oldFullName}"`, `"${fullName}"`);
  const moved = JSON.parse(text) as JsonObject;
  const repositories = [moved.repository, asObject(asObject(moved.pull_request).base).repo];
  const head = asObject(asObject(moved.pull_request).head);
  if (asObject(head.repo).full_name === fullName) repositories.push(head.repo);
  for (const value of repositories) {
    const repository = asObject(value);
    if (Object.keys(repository).length === 0) continue;
    repository.name = target.repo;
    repository.full_name = fullName;
    const owner = asObject(repository.owner);
    if (oldOwner === undefined || owner.login === oldOwner) owner.login = target.owner;
  }
  return moved;
}

/** GitHub's label object in webhook payloads. */
export function webhookLabel(target: RepositoryTarget, name: string, id: number): JsonObject {
  return {
    id,
    node_id: Buffer.from(`LA_${id}`).toString('base64'),
    url: `https://api.github.com/repos/${target.owner}/${target.repo}/labels/${encodeURIComponent(name)}`,
    name,
    color: 'ededed',
    default: false,
    description: null,
  };
}

/** A `simple-user`-like sender object for `login`, from the payload's own sender. */
export function webhookUser(template: unknown, login: string, type: 'User' | 'Bot' = 'User'): JsonObject {
  const user = asObject(structuredClone(template));
  const oldLogin = typeof user.login === 'string' ? user.login : '';
  const encoded = encodeURIComponent(login);
  for (const [key, value] of Object.entries(user)) {
    if (typeof value === 'string' && oldLogin) user[key] = value.replaceAll(`/${oldLogin}`, `/${encoded}`);
  }
  return {
    ...user,
    login,
    type,
    html_url:
      type === 'Bot'
        ? `https://github.com/apps/${login.replace(/\[bot\]$/, '')}`
        : `https://github.com/${login}`,
  };
}

/** Points the example's `/pulls/<n>`, `/pull/<n>` and `/issues/<n>` URLs at PR or issue `to`. */
export function renumberUrls(payload: JsonObject, from: number, to: number): JsonObject {
  const text = JSON.stringify(payload).replace(
    new RegExp(`/(pulls|pull|issues)/${from}(?=["/#.])`, 'g'),
    `/$1/${to}`,
  );
  return JSON.parse(text) as JsonObject;
}
