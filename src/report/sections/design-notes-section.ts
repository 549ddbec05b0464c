import type { ChangeAnalysis, DependencyChange } from '../../changes/change-analysis.js';
import { cappedList, code, inline, plural } from '../markdown.js';

function dependency(d: DependencyChange): string {
  const scope = d.scope ? ` (${d.scope})` : '';
  const where = code(d.manifest);
  switch (d.change) {
    case 'added':
      return `➕ ${code(d.name)} ${inline(d.to ?? '')}${scope} in ${where}`;
    case 'removed':
      return `➖ ${code(d.name)}${scope} from ${where}`;
    default:
      return `${d.major ? '⚠️ **major** ' : ''}${code(d.name)} ${inline(d.from ?? '?')} → ${inline(d.to ?? '?')}${scope} in ${where}`;
  }
}

function migrationsLine(analysis: ChangeAnalysis): string | undefined {
  const up = analysis.migrations.filter((m) => m.direction === 'up');
  if (up.length === 0) return undefined;
  const created = up.flatMap((m) => m.tablesCreated);
  const dropped = up.flatMap((m) => m.tablesDropped);
  const parts = [plural(up.length, 'migration')];
  if (created.length) parts.push(`${plural(created.length, 'new table')} (${created.map(code).join(', ')})`);
  if (dropped.length) parts.push(`${plural(dropped.length, 'table')} dropped`);
  return `- **Data migrations**: ${parts.join(', ')} — see Database Changes.`;
}

function securityLines(analysis: ChangeAnalysis): string[] {
  if (analysis.securityTouched.length === 0) return [];
  const items = analysis.securityTouched.map(
    (t) => `${code(t.line ? `${t.file}:${t.line}` : t.file)}: ${inline(t.reason)}`,
  );
  return [
    `- **Security-relevant code touched** (${items.length}):`,
    cappedList(items, { visible: 5, noun: 'more places' }).replace(/^/gm, '  '),
  ];
}

function testLines(analysis: ChangeAnalysis): string[] {
  const testFiles = analysis.tests.reduce((n, t) => n + t.testFiles.length, 0);
  const lines = [
    `- **Tests changed**: ${plural(testFiles, 'test file')}${
      testFiles
        ? ` in ${analysis.tests
            .filter((t) => t.testFiles.length)
            .map((t) => code(t.project))
            .join(', ')}`
        : ''
    }.`,
  ];
  if (analysis.projectsWithoutTestChanges.length) {
    lines.push(
      `- ⚠️ **Source changed with no test change** in ${analysis.projectsWithoutTestChanges.map(code).join(', ')}.`,
    );
  }
  return lines;
}

/** Design Notes: what the diff shows about data, security, dependencies and tests. */
export function renderDesignNotesSection(analysis: ChangeAnalysis, modelNotes: string[] = []): string {
  const lines: string[] = ['### Design Notes', ''];
  const migrations = migrationsLine(analysis);
  if (migrations) lines.push(migrations);
  lines.push(...securityLines(analysis));
  if (analysis.dependencyChanges.length) {
    lines.push(
      `- **Dependencies** (${analysis.dependencyChanges.length}):`,
      cappedList(analysis.dependencyChanges.map(dependency), {
        visible: 8,
        noun: 'more dependency changes',
      }).replace(/^/gm, '  '),
    );
  }
  lines.push(...testLines(analysis));
  lines.push(...modelNotes);
  if (analysis.files.withoutPatch.length) {
    lines.push(
      `- ${plural(analysis.files.withoutPatch.length, 'file')} could not be read from the diff (binary or too large), so nothing above comes from ${analysis.files.withoutPatch.length === 1 ? 'it' : 'them'}.`,
    );
  }
  return lines.join('\n');
}
