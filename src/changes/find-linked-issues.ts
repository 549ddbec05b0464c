/** Where a closing keyword points: `#12`, `org/repo#12` or an issue URL. */
export interface ClosingReference {
  /** The keyword as written, lower-cased: `fixes`, `closes`, `resolved`… */
  keyword: string;
  /** Present when the reference names a repository (`org/repo#12`, a URL). */
  owner?: string;
  name?: string;
  issue: number;
  /** The matched text, e.g. `Fixes #12`, for messages. */
  text: string;
}

// GitHub's closing keywords: https://docs.github.com/en/issues/tracking-your-work-with-issues/linking-a-pull-request-to-an-issue
const CLOSING_REFERENCE =
  /\b(close[sd]?|fix(?:e[sd])?|resolve[sd]?)\b:?[ \t]+(?:https:\/\/github\.com\/([\w.-]+)\/([\w.-]+)\/issues\/(\d+)|(?:([\w.-]+)\/([\w.-]+))?#(\d+))\b/gi;

/**
 * Removes what GitHub does not read as text: HTML comments (PR templates often hold a
 * `<!-- Fixes #123 -->` placeholder) and fenced or inline code.
 */
function visibleText(body: string): string {
  return body
    .replace(/<!--[\s\S]*?(?:-->|$)/g, ' ')
    .replace(/^(```|~~~)[^\n]*\n[\s\S]*?(?:^\1[^\n]*$|(?![\s\S]))/gm, ' ')
    .replace(/`[^`\n]*`/g, ' ');
}

/** Every closing-keyword reference in a PR body, in order, code and HTML comments left out. */
export function findClosingReferences(body: string): ClosingReference[] {
  const references: ClosingReference[] = [];
  for (const match of visibleText(body).matchAll(CLOSING_REFERENCE)) {
    const [text, keyword = '', urlOwner, urlName, urlIssue, owner, name, issue] = match;
    const reference: ClosingReference = {
      keyword: keyword.toLowerCase(),
      issue: Number(urlIssue ?? issue),
      text,
    };
    const referencedOwner = urlOwner ?? owner;
    const referencedName = urlName ?? name;
    if (referencedOwner && referencedName) {
      reference.owner = referencedOwner;
      reference.name = referencedName;
    }
    references.push(reference);
  }
  return references;
}

/**
 * The issue numbers a PR body says it closes (`fixes #12`, `closes org/repo#3`,
 * `resolves https://github.com/org/repo/issues/4`), without duplicates. A reference
 * naming a repository counts only when `repo` is given and it is that repository
 * (compared case-insensitively), since a bare number would be fetched from the wrong one.
 */
export function findLinkedIssues(body: string, repo?: { owner: string; name: string }): number[] {
  const issues: number[] = [];
  for (const reference of findClosingReferences(body)) {
    const sameRepository =
      reference.owner === undefined ||
      (repo !== undefined &&
        reference.owner.toLowerCase() === repo.owner.toLowerCase() &&
        reference.name?.toLowerCase() === repo.name.toLowerCase());
    if (sameRepository && !issues.includes(reference.issue)) issues.push(reference.issue);
  }
  return issues;
}
