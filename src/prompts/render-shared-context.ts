import { estimateTokens } from './estimate-tokens.js';
import { sanitizeProse } from './sanitize-prose.js';
import type { DiffSelection } from './select-diff-for-budget.js';
import { wrapUntrusted } from './untrusted-block.js';

/** The prose of a pull request, as GitHub or git gives it. */
export interface PullRequestText {
  title: string;
  body: string;
  commitMessages: readonly string[];
}

const TITLE_CHARS = 300;
const BODY_CHARS = 8_000;
const COMMIT_CHARS = 300;
const COMMITS_CHARS = 4_000;
const FACTS_CHARS = 2_000;
const TRUNCATED = ' [truncated]';

/**
 * Renders the pull request's prose (sanitized, capped so it fits `proseTokenLimit`) and the
 * selected diff, each inside the run's untrusted delimiters. The result is identical for
 * every call of a run, which is what lets the API cache it.
 */
export function renderSharedContext(input: {
  pullRequest: PullRequestText;
  facts: readonly string[];
  diff: DiffSelection;
  totalFiles: number;
  token: string;
  proseTokenLimit: number;
}): string {
  const prose = renderProse(input.pullRequest, input.facts, input.token, input.proseTokenLimit);
  const shown = input.diff.included.length;
  const left = input.diff.leftOut.length;
  const diffLabel =
    `Diff: ${shown} of ${input.totalFiles} changed files shown` +
    (left > 0
      ? `; ${left} left out (lockfiles, generated, vendored or binary files, or over the size budget).`
      : '.');
  return [prose, wrapUntrusted(diffLabel, input.diff.text, input.token)].join('\n\n');
}

function renderProse(pr: PullRequestText, facts: readonly string[], token: string, limit: number): string {
  // Halve the body until the prose fits: the title and commits say the most per token.
  for (let bodyChars = BODY_CHARS; ; bodyChars = Math.floor(bodyChars / 2)) {
    const text = proseBlocks(pr, facts, token, bodyChars);
    if (estimateTokens(text) <= limit || bodyChars === 0) return text;
  }
}

function proseBlocks(
  pr: PullRequestText,
  facts: readonly string[],
  token: string,
  bodyChars: number,
): string {
  const commits = capText(
    pr.commitMessages.map((message) => `- ${capText(sanitizeProse(message), COMMIT_CHARS)}`).join('\n'),
    bodyChars === 0 ? 0 : COMMITS_CHARS,
  );
  const blocks = [
    'The pull request under review follows.',
    wrapUntrusted('Title:', capText(sanitizeProse(pr.title), TITLE_CHARS), token),
    wrapUntrusted('Description:', capText(sanitizeProse(pr.body), bodyChars) || '(empty)', token),
    wrapUntrusted('Commit messages:', commits || '(none)', token),
  ];
  if (facts.length > 0) {
    blocks.push(
      wrapUntrusted('Repository facts found by the pipeline:', capText(facts.join('\n'), FACTS_CHARS), token),
    );
  }
  return blocks.join('\n\n');
}

function capText(text: string, chars: number): string {
  if (text.length <= chars) return text;
  return chars === 0 ? '' : text.slice(0, chars) + TRUNCATED;
}
