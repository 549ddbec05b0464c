import type { Migration } from '../change-analysis.js';
import type { FileChange } from '../../code/file-change.js';
import { detectMigrationTool, type MigrationFormat } from '../../code/migration-path.js';
import { EffectsRecorder } from './migration-effects.js';
import type { MigrationReader, TouchedLines } from './migration-reader.js';
import { MIGRATION_READERS } from './migration-readers.js';

function touchedLines(change: FileChange): TouchedLines {
  if (change.file.status === 'added') return () => true;
  const added = new Set(change.added.map((line) => line.line));
  return (line, endLine) => {
    for (let current = line; current <= endLine; current++) if (added.has(current)) return true;
    return false;
  };
}

function changeOf(change: FileChange): Migration['change'] {
  if (change.file.status === 'added' || change.file.status === 'copied') return 'added';
  return change.file.status === 'removed' ? 'removed' : 'modified';
}

/**
 * Reads a changed migration or schema file: its tool, the tables it creates, alters and
 * drops, and its destructive operations. Undefined for a file that is not a migration.
 */
export function extractMigration(change: FileChange, language: string | undefined): Migration | undefined {
  const kind = detectMigrationTool(change.file.path, language);
  if (!kind) return undefined;
  const recorder = new EffectsRecorder();
  const reader: MigrationReader | undefined = MIGRATION_READERS[kind.format as MigrationFormat];
  let tool = kind.tool;
  if (reader && kind.direction === 'up' && change.file.status !== 'removed') {
    const side = change.newSide();
    tool = refineTool(tool, side.lines.map((line) => line.text).join('\n'));
    reader(change, recorder, touchedLines(change));
  }
  const { created, altered, dropped, destructive } = recorder.effects;
  return {
    tool,
    file: change.file.path,
    project: change.project,
    change: changeOf(change),
    direction: kind.direction,
    tablesCreated: created,
    tablesAltered: altered,
    tablesDropped: dropped,
    destructive: destructive.sort((a, b) => a.line - b.line),
  };
}

/** A JavaScript migration says by its API which tool runs it; a plain SQL file may carry goose or dbmate markers. */
function refineTool(tool: string, text: string): string {
  if (tool === 'sql') {
    if (/^--\s*\+goose\b/m.test(text)) return 'goose';
    if (/^--\s*migrate:(up|down)\b/m.test(text)) return 'dbmate';
  }
  if (tool !== 'javascript') return tool;
  if (/\bqueryRunner\b|MigrationInterface/.test(text)) return 'typeorm';
  if (/\bqueryInterface\b|Sequelize\b/.test(text)) return 'sequelize';
  if (/\bknex\b|Knex\b/.test(text)) return 'knex';
  return 'javascript';
}
