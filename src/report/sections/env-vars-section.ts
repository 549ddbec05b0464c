import type { EnvVar } from '../../changes/change-analysis.js';
import { code, details, table } from '../markdown.js';

/** Environment Variables: names new code reads, where, and whether a sample env file or doc mentions them. */
export function renderEnvVarsSection(vars: EnvVar[]): string {
  if (vars.length === 0) return '### Environment Variables\n\nNo new environment variable is read.';
  const byName = new Map<string, EnvVar>();
  for (const v of vars) if (!byName.has(v.name)) byName.set(v.name, v);
  const unique = [...byName.values()].sort(
    (a, b) => Number(a.documented) - Number(b.documented) || a.name.localeCompare(b.name),
  );
  const rows = unique.map((v) => [
    code(v.name),
    code(`${v.file}:${v.line}`),
    v.documented ? `✅ ${v.documentedIn ? code(v.documentedIn) : 'yes'}` : '⚠️ not documented',
  ]);
  const headers = ['Variable', 'Read in', 'Documented'];
  const body =
    rows.length <= 12
      ? table(headers, rows)
      : `${table(headers, rows.slice(0, 12))}\n\n${details(`${rows.length - 12} more`, table(headers, rows.slice(12, 200)))}`;
  const missing = unique.filter((v) => !v.documented).length;
  const hint = missing
    ? `\n\n${missing} variable${missing === 1 ? ' is' : 's are'} not in an \`.env.example\`, README or docs page: add ${missing === 1 ? 'it' : 'them'} so deploys do not miss ${missing === 1 ? 'it' : 'them'}.`
    : '';
  return `### Environment Variables\n\n${body}${hint}`;
}
