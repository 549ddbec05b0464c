import type { CommandKind, DiscoveryResult, Project } from './project.js';

const COLUMNS = [
  'PATH',
  'LANGUAGE',
  'PACKAGE MANAGER',
  'FRAMEWORKS',
  'DATA STORES',
  'TESTS',
  'LINTERS',
] as const;
const KINDS: readonly CommandKind[] = ['install', 'test', 'lint'];

/**
 * Discovery as plain text for a terminal: one row per project, then each project's
 * commands with where they came from, then the warnings.
 */
export function renderDiscoveryTable(result: DiscoveryResult): string {
  const lines = [`Repository: ${result.root}`, ''];
  if (result.projects.length === 0) lines.push('No projects found.');
  else
    lines.push(
      ...alignColumns([[...COLUMNS], ...result.projects.map(projectRow)]),
      '',
      ...commandLines(result.projects),
    );
  if (result.warnings.length > 0) {
    lines.push('', 'Warnings:', ...result.warnings.map((warning) => `  ${warning.file}: ${warning.message}`));
  }
  return lines.join('\n').replace(/\n+$/, '');
}

function projectRow(project: Project): string[] {
  // A member shows its workspace root: `apps/api (workspace .)`.
  const where = project.workspace ? `${project.path} (workspace ${project.workspace})` : project.path;
  const version = project.languageVersion ? ` ${project.languageVersion.value}` : '';
  const frameworks = project.frameworks.map((framework) =>
    (framework.version ?? framework.constraint)
      ? `${framework.name} ${framework.version ?? framework.constraint}`
      : framework.name,
  );
  return [
    where,
    `${project.language}${version}`,
    project.packageManager ?? '-',
    listOrDash(frameworks),
    listOrDash(project.databases),
    listOrDash(project.testFrameworks),
    listOrDash(project.linters),
  ];
}

function commandLines(projects: readonly Project[]): string[] {
  const rows: string[][] = [];
  const shared = new Set(
    projects.filter((p, i) => projects.findIndex((q) => q.path === p.path) !== i).map((p) => p.path),
  );
  for (const project of projects) {
    // Two ecosystems at one path are two projects: the language tells their commands apart.
    const label = shared.has(project.path) ? `${project.path} (${project.language})` : project.path;
    let first = true;
    for (const kind of KINDS) {
      const command = project.commands[kind];
      if (!command) continue;
      const origin = command.suggested ? `suggested, ${command.source}` : command.source;
      rows.push([first ? label : '', kind, command.run, `(${origin})`]);
      first = false;
    }
  }
  return rows.length === 0 ? [] : ['Commands:', ...alignColumns(rows).map((line) => `  ${line}`)];
}

function alignColumns(rows: readonly string[][]): string[] {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, cell.length)));
  return rows.map((row) =>
    row
      .map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd(),
  );
}

function listOrDash(values: readonly string[]): string {
  return values.length === 0 ? '-' : values.join(', ');
}
