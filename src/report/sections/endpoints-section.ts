import type { Endpoint } from '../../changes/change-analysis.js';
import { code, details, inline, table } from '../markdown.js';

const VISIBLE = 15;
/** The job summary gets the full list up to here; the comment is cut to fit GitHub's limit. */
const CAP = 500;
const CHANGE_LABEL: Record<Endpoint['change'], string> = {
  added: '🆕 added',
  changed: '✏️ changed',
  removed: '🗑️ removed',
};

function row(e: Endpoint): string[] {
  const path =
    e.previous && e.previous.path !== e.path
      ? `${code(e.path)} (was ${code(e.previous.path)})`
      : code(e.path);
  const method =
    e.previous && e.previous.method !== e.method ? `${e.method} (was ${e.previous.method})` : e.method;
  return [
    method,
    path,
    CHANGE_LABEL[e.change],
    e.handler ? code(e.handler) : '—',
    `${code(`${e.file}:${e.line}`)} · ${inline(e.framework)}`,
  ];
}

/** Key Endpoints/APIs: every route the diff adds, changes or removes, with where it is declared. */
export function renderEndpointsSection(endpoints: Endpoint[]): string {
  const lines = ['### Key Endpoints/APIs', ''];
  if (endpoints.length === 0) {
    lines.push('No HTTP route declarations were added, changed or removed.');
    return lines.join('\n');
  }
  const order: Endpoint['change'][] = ['removed', 'changed', 'added'];
  const sorted = [...endpoints].sort(
    (a, b) => order.indexOf(a.change) - order.indexOf(b.change) || a.path.localeCompare(b.path),
  );
  const headers = ['Method', 'Path', 'Change', 'Handler', 'Where'];
  lines.push(table(headers, sorted.slice(0, VISIBLE).map(row)));
  if (sorted.length > VISIBLE) {
    const rest = sorted.slice(VISIBLE, CAP).map(row);
    const more = sorted.length > CAP ? `\n\n… and ${sorted.length - CAP} more.` : '';
    lines.push('', details(`${sorted.length - VISIBLE} more endpoints`, table(headers, rest) + more));
  }
  const removed = endpoints.filter((e) => e.change === 'removed').length;
  if (removed > 0)
    lines.push(
      '',
      `> [!WARNING]\n> ${removed} endpoint${removed === 1 ? ' is' : 's are'} removed: clients that call ${removed === 1 ? 'it' : 'them'} will break.`,
    );
  return lines.join('\n');
}
