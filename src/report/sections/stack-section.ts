import type { DiscoveryWarning, Project } from '../../discovery/project.js';
import { code, details, inline, plural, table } from '../markdown.js';
import type { ReportInput } from '../report-input.js';
import { renderArchitectureDiagram } from './architecture-diagram.js';
import { groupByWorkspace } from './group-by-workspace.js';

const MAX_ROWS = 30;

function language(p: Project): string {
  return p.languageVersion ? `${p.language} ${p.languageVersion.value}` : p.language;
}

function frameworks(p: Project): string {
  if (p.frameworks.length === 0) return '—';
  return p.frameworks
    .map((f) => ((f.version ?? f.constraint) ? `${f.name} ${f.version ?? f.constraint}` : f.name))
    .join(', ');
}

function commands(p: Project): string {
  const parts: string[] = [];
  for (const kind of ['test', 'lint'] as const) {
    const c = p.commands[kind];
    if (c) parts.push(`${kind}: ${code(c.run)}${c.suggested ? ' (suggested)' : ''}`);
  }
  return parts.length ? parts.join('<br>') : '—';
}

function row(p: Project, affected: boolean): string[] {
  const data =
    [p.databases.join(', '), p.orms.length ? `(${p.orms.join(', ')})` : ''].filter(Boolean).join(' ') || '—';
  return [
    `${code(p.path)}${affected ? ' ✏️' : ''}`,
    inline(language(p)),
    inline(frameworks(p)),
    inline(data),
    inline(p.packageManager ?? '—'),
    commands(p),
  ];
}

const HEADERS = ['Project', 'Language', 'Frameworks', 'Data stores', 'Package manager', 'Commands'];

/** The touched projects first; eight rows in sight, the rest folded, at most `cap`. */
function projectTable(projects: Project[], affected: Set<string>, cap = MAX_ROWS): string {
  const ordered = [...projects].sort(
    (a, b) => Number(affected.has(b.path)) - Number(affected.has(a.path)) || a.path.localeCompare(b.path),
  );
  const rows = ordered.slice(0, cap).map((p) => row(p, affected.has(p.path)));
  if (rows.length <= 8) return table(HEADERS, rows);
  const more =
    ordered.length > cap
      ? `\n\n… and ${ordered.length - cap} more (run \`backend-developer discover\` for all).`
      : '';
  return `${table(HEADERS, rows.slice(0, 8))}\n\n${details(`${ordered.length - 8} more projects`, table(HEADERS, rows.slice(8)))}${more}`;
}

/**
 * Workspace members under a line naming their workspace, each workspace with its own table
 * (touched first, eight in sight): a 40-member monorepo stays readable. Standalone projects
 * and workspace roots come first, in one table.
 */
function groupedTables(projects: Project[], affected: Set<string>): string {
  const groups = groupByWorkspace(projects);
  if (groups.length === 1 && groups[0]?.workspace === null) return projectTable(projects, affected);
  return groups
    .map(({ workspace, members }) => {
      if (workspace === null) return projectTable(members, affected);
      const touched = members.filter((p) => affected.has(p.path)).length;
      const managers = [...new Set(members.flatMap((p) => p.packageManager ?? []))].join(', ');
      const heading = `**Workspace ${code(workspace)}**${managers ? ` (${inline(managers)})` : ''}: ${plural(members.length, 'project')}${touched ? `, ${touched} touched` : ''}.`;
      return `${heading}\n\n${projectTable(members, affected)}`;
    })
    .join('\n\n');
}

/** Files discovery could not read, folded: the run went on without them. */
function unreadFiles(warnings: DiscoveryWarning[]): string | undefined {
  if (warnings.length === 0) return undefined;
  const items = warnings.slice(0, 20).map((w) => `- ${code(w.file)}: ${inline(w.message)}`);
  if (warnings.length > 20) items.push(`- … and ${warnings.length - 20} more`);
  return details(
    `⚠️ ${warnings.length} file${warnings.length === 1 ? '' : 's'} could not be read`,
    items.join('\n'),
  );
}

/** "Stack Detected": each project with language, framework and version, databases and commands. */
export function renderStackSection(input: Pick<ReportInput, 'discovery' | 'affectedProjects'>): string {
  const { projects, root, warnings } = input.discovery;
  if (root === '') {
    return '### Stack Detected\n\nNot detected: there was no checkout of the repository to read (see the note above).';
  }
  if (projects.length === 0) {
    return '### Stack Detected\n\nNo project manifest was found (package.json, pyproject.toml, go.mod, pom.xml…).';
  }
  const affected = new Set(input.affectedProjects);
  const count =
    projects.length > 1
      ? `${projects.length} projects; ✏️ marks the ${affected.size} this pull request touches.`
      : undefined;
  const parts = [
    '### Stack Detected',
    count,
    groupedTables(projects, affected),
    renderArchitectureDiagram(projects, input.affectedProjects),
    unreadFiles(warnings),
  ];
  return parts.filter((p): p is string => p !== undefined).join('\n\n');
}
