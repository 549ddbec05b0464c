import type { Project } from '../../discovery/project.js';
import { groupByWorkspace } from './group-by-workspace.js';

/** Diagrams bigger than this stop helping: show only the touched projects then. */
const MAX_NODES = 14;

function id(prefix: string, index: number): string {
  return `${prefix}${index}`;
}

/**
 * Mermaid labels are quoted; quotes and brackets inside would break the diagram, and a line
 * break or backtick could end the code block it sits in.
 */
function label(text: string): string {
  return `"${text.replace(/["[\]{}<>|`\r\n]/g, ' ')}"`;
}

/**
 * A small mermaid graph: projects, the data stores they use, and which of them the PR
 * touches (highlighted). GitHub renders mermaid blocks in comments.
 */
export function renderArchitectureDiagram(projects: Project[], affected: string[]): string | undefined {
  const touched = new Set(affected);
  const shown =
    projects.length <= MAX_NODES ? projects : projects.filter((p) => touched.has(p.path)).slice(0, MAX_NODES);
  if (shown.length === 0) return undefined;
  const stores = [...new Set(shown.flatMap((p) => p.databases))].sort();
  if (shown.length === 1 && stores.length === 0) return undefined;
  const lines = ['```mermaid', 'graph LR'];
  const node = (p: Project): string =>
    `${id('p', shown.indexOf(p))}[${label(`${p.path} · ${p.frameworks[0]?.name ?? p.language}`)}]`;
  // Members of a workspace sit in a box named after it, so a monorepo reads as one.
  groupByWorkspace(shown).forEach(({ workspace, members }, w) => {
    if (workspace === null) {
      for (const p of members) lines.push(`  ${node(p)}`);
      return;
    }
    lines.push(`  subgraph ${id('w', w)}[${label(`workspace ${workspace}`)}]`);
    for (const p of members) lines.push(`    ${node(p)}`);
    lines.push('  end');
  });
  stores.forEach((s, i) => lines.push(`  ${id('d', i)}[(${label(s)})]`));
  shown.forEach((p, i) => {
    for (const db of p.databases) lines.push(`  ${id('p', i)} --> ${id('d', stores.indexOf(db))}`);
  });
  const changed = shown.map((p, i) => (touched.has(p.path) ? id('p', i) : undefined)).filter(Boolean);
  if (changed.length)
    lines.push(
      '  classDef touched fill:#fff3bf,stroke:#f08c00,stroke-width:2px',
      `  class ${changed.join(',')} touched`,
    );
  lines.push('```');
  const note =
    projects.length > shown.length
      ? `\n<sub>Only the ${shown.length} touched projects are drawn (of ${projects.length}).</sub>`
      : '';
  return lines.join('\n') + note;
}
