/** One page of a list, and the `Link` header GitHub would send with it. */
export interface Page<T> {
  items: T[];
  headers: Record<string, string>;
}

/** GitHub's paging limits: 30 items by default, 100 at most, whatever the client asks. */
export const DEFAULT_PER_PAGE = 30;
export const MAX_PER_PAGE = 100;

function positiveInteger(value: string | null, fallback: number): number {
  const parsed = Number(value);
  return value !== null && Number.isInteger(parsed) && parsed > 0 ? parsed : fallback;
}

/**
 * Slices `items` by the request's `per_page` and `page`, and builds the `Link` header with
 * `prev`, `next`, `last` and `first` in GitHub's order. No header when everything fits
 * one page, as on GitHub. Links point at `publicUrl` (the address the client called), and
 * keep the request's other query parameters; GitHub sometimes links to `/repositories/{id}/…`
 * instead of `/repos/{owner}/{repo}/…`, which Octokit follows the same way.
 */
export function paginate<T>(
  items: readonly T[],
  publicUrl: string,
  path: string,
  query: URLSearchParams,
): Page<T> {
  const perPage = Math.min(positiveInteger(query.get('per_page'), DEFAULT_PER_PAGE), MAX_PER_PAGE);
  const page = positiveInteger(query.get('page'), 1);
  const lastPage = Math.max(1, Math.ceil(items.length / perPage));
  const slice = items.slice((page - 1) * perPage, page * perPage);
  if (lastPage === 1 && page === 1) return { items: slice, headers: {} };
  const link = (target: number, rel: string): string => {
    const params = new URLSearchParams(query);
    params.set('page', String(target));
    return `<${publicUrl}${path}?${params.toString()}>; rel="${rel}"`;
  };
  const links: string[] = [];
  if (page > 1) links.push(link(Math.min(page - 1, lastPage), 'prev'));
  if (page < lastPage) links.push(link(page + 1, 'next'), link(lastPage, 'last'));
  if (page > 1) links.push(link(1, 'first'));
  return { items: slice, headers: { link: links.join(', ') } };
}
