// Joins the findings of a run with the stored verdicts and tallies them (no I/O).
import { createHash } from 'node:crypto';

export const VERDICTS = ['tp', 'noise', 'fp'];

/** The first 8 hex digits of the title's SHA-1: part of a verdict's key, so a reworded finding is judged again. */
export const titleHash = (title) => createHash('sha1').update(title).digest('hex').slice(0, 8);

/** The key that ties a finding of a run to its verdict. */
export function findingKey(repo, commit, f) {
  const side = f.side === 'LEFT' ? ':LEFT' : '';
  return `${repo}@${commit.slice(0, 10)} ${f.rule} ${f.file}:${f.line}${side} #${titleHash(f.title)}`;
}

/** Verdict lines (parsed JSONL) indexed by key; throws on a verdict that is not tp, noise or fp. */
export function indexVerdicts(entries) {
  const byKey = new Map();
  for (const v of entries) {
    if (!VERDICTS.includes(v.verdict))
      throw new Error(`verdict must be one of ${VERDICTS.join(', ')}: ${JSON.stringify(v)}`);
    byKey.set(findingKey(v.repo, v.commit, v), v);
  }
  return byKey;
}

/** Every finding of the run results with its verdict (undefined when nobody judged it). */
export function joinVerdicts(results, byKey) {
  return results.flatMap((r) =>
    (r.findings ?? []).map((f) => {
      const key = findingKey(r.repo, r.commit, f);
      return { ...f, repo: r.repo, commit: r.commit, key, verdict: byKey.get(key) };
    }),
  );
}

/** Findings, judged, tp, noise, fp and precision (tp / judged) per group. */
export function tallyBy(joined, groupOf) {
  const groups = new Map();
  for (const f of joined) {
    const name = groupOf(f);
    const row = groups.get(name) ?? { name, findings: 0, judged: 0, tp: 0, noise: 0, fp: 0, high: 0 };
    row.findings += 1;
    if (f.severity === 'high') row.high += 1;
    if (f.verdict) {
      row.judged += 1;
      row[f.verdict.verdict] += 1;
    }
    groups.set(name, row);
  }
  const rows = [...groups.values()].sort((a, b) => b.findings - a.findings || a.name.localeCompare(b.name));
  const total = rows.reduce(
    (sum, r) => ({
      name: 'all',
      ...Object.fromEntries(
        ['findings', 'judged', 'tp', 'noise', 'fp', 'high'].map((k) => [k, sum[k] + r[k]]),
      ),
    }),
    { findings: 0, judged: 0, tp: 0, noise: 0, fp: 0, high: 0 },
  );
  return [...rows, total].map((r) => ({ ...r, precision: r.judged ? r.tp / r.judged : null }));
}

/**
 * The kind the report gives a commit: `bugfix` (Bug Fix Report), `change` (an implementation the report
 * heads "Backend Change Delivered": any kind other than `feature`) or `feature`.
 */
export function reportKind(report) {
  if (report.type === 'bugfix') return 'bugfix';
  return report.kind !== undefined && report.kind !== 'feature' ? 'change' : 'feature';
}
