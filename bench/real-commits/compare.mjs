// Endpoint normalisation and the signed-set comparison of expected and reported endpoint changes.

/** Upper-case method; the all-methods spellings become ANY. */
export function normaliseMethod(method) {
  const upper = String(method ?? '').toUpperCase();
  return upper === 'ALL' || upper === '*' ? 'ANY' : upper;
}

/**
 * One spelling for every framework's path: a leading slash, no trailing or doubled slashes, no Rails
 * `(.:format)` suffix, and every parameter (`:id`, `{id}`, `{id:int}`, `{id?}`, `<int:id>`, `<id>`, `*`,
 * `*rest`, `{*rest}`) written `{}`. Parameter names are dropped: renaming one does not change the URL.
 */
export function normalisePath(path) {
  let p = String(path ?? '').trim();
  p = p.replace(/\(\.:format\)$/, '');
  p = p.replace(/\{[^}]*\}/g, '{}'); // {id} {id:int} {id?} {*rest} {format?}
  p = p.replace(/<[^>]*>/g, '{}'); // <id> <int:id> <path:rest>
  p = p.replace(/:[A-Za-z_][\w]*\??/g, '{}'); // :id :id?
  p = p.replace(/\*[A-Za-z_]\w*/g, '{}'); // *rest *filename
  p = p.replace(/(^|\/)\*(?=\/|$)/g, '$1{}'); // bare *
  p = `/${p}`.replace(/\/{2,}/g, '/');
  if (p.length > 1) p = p.replace(/\/+$/, '');
  return p;
}

const key = (change, method, path) => `${change} ${normaliseMethod(method)} ${normalisePath(path)}`;

/** Signed keys of the hand-written expectation of one case. */
export function expectedKeys(expected) {
  return new Set(expected.map((e) => key(e.change, e.method, e.path)));
}

/**
 * Signed keys of what the tool reported (`.analysis.endpoints`): `changed` with a different `previous`
 * counts as removed(previous) + added(new); `changed` with none or the same counts as nothing.
 */
export function reportedKeys(endpoints) {
  const keys = new Set();
  for (const ep of endpoints ?? []) {
    if (ep.change === 'added' || ep.change === 'removed') keys.add(key(ep.change, ep.method, ep.path));
    if (ep.change !== 'changed' || !ep.previous) continue;
    const before = key('removed', ep.previous.method ?? ep.method, ep.previous.path ?? ep.path);
    const after = key('added', ep.method, ep.path);
    if (before.slice('removed'.length) === after.slice('added'.length)) continue;
    keys.add(before);
    keys.add(after);
  }
  return keys;
}

/** Hits, misses (expected, not reported) and extras (reported, not expected) of one case. */
export function compare(expected, reported) {
  const hits = [...expected].filter((k) => reported.has(k));
  const misses = [...expected].filter((k) => !reported.has(k));
  const extras = [...reported].filter((k) => !expected.has(k));
  return { hits: hits.length, misses, extras };
}

const ratio = (num, den) => (den === 0 ? null : num / den);

/** Recall and precision per framework and overall, with case counts, from per-case results. */
export function tally(results) {
  const rows = new Map();
  const add = (name, r) => {
    const row = rows.get(name) ?? { framework: name, cases: 0, exact: 0, expected: 0, hits: 0, extras: 0 };
    row.cases += 1;
    row.exact += !r.error && r.misses.length === 0 && r.extras.length === 0 ? 1 : 0;
    row.expected += r.hits + r.misses.length;
    row.hits += r.hits;
    row.extras += r.extras.length;
    rows.set(name, row);
  };
  for (const r of results) {
    add(r.framework, r);
    add('overall', r);
  }
  const list = [...rows.values()].map((row) => ({
    ...row,
    recall: ratio(row.hits, row.expected),
    precision: ratio(row.hits, row.hits + row.extras),
  }));
  return list.sort(
    (a, b) =>
      (a.framework === 'overall') - (b.framework === 'overall') || a.framework.localeCompare(b.framework),
  );
}
