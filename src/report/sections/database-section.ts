import type { Migration } from '../../changes/change-analysis.js';
import { code, details, inline } from '../markdown.js';

function tables(label: string, names: string[]): string | undefined {
  return names.length ? `${label} ${names.map(code).join(', ')}` : undefined;
}

function describe(m: Migration): string {
  const parts = [
    tables('creates', m.tablesCreated),
    tables('alters', m.tablesAltered),
    tables('drops', m.tablesDropped),
  ].filter(Boolean);
  const what = parts.length ? parts.join('; ') : 'no table changes recognised';
  const edited =
    m.change === 'modified'
      ? ' — ⚠️ edits an existing migration (already-applied databases will not rerun it)'
      : m.change === 'removed'
        ? ' — removed'
        : '';
  const down = m.direction === 'down' ? ' (rollback)' : '';
  const lines = [`- ${code(m.file)} (${inline(m.tool)}${down}): ${what}${edited}`];
  for (const d of m.destructive) lines.push(`  - ⚠️ line ${d.line}: ${inline(d.detail)}`);
  return lines.join('\n');
}

/** Database Changes: each migration, the tables it touches, and destructive operations flagged. */
export function renderDatabaseSection(migrations: Migration[]): string {
  if (migrations.length === 0) return '### Database Changes\n\nNo migration or schema file changed.';
  const destructive = migrations.flatMap((m) => m.destructive.map(() => m)).length;
  const lines = ['### Database Changes', ''];
  if (destructive > 0)
    lines.push(
      `> [!CAUTION]\n> ${destructive} destructive operation${destructive === 1 ? '' : 's'}: check for a backfill and a way back before merging.`,
      '',
    );
  const items = migrations.map(describe);
  lines.push(items.slice(0, 12).join('\n'));
  if (items.length > 12)
    lines.push('', details(`${items.length - 12} more migrations`, items.slice(12, 200).join('\n')));
  return lines.join('\n');
}
