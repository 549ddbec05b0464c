import type { DestructiveChange, Migration, PlacedOperation } from '../change-analysis.js';

type Summary = Pick<Migration, 'tablesCreated' | 'tablesAltered' | 'tablesDropped' | 'destructive'>;

// Operations that change a table's shape (as opposed to its rows, or its name).
const ALTERING = new Set<PlacedOperation['kind']>([
  'add-column',
  'drop-column',
  'rename-column',
  'change-type',
  'alter-column',
  'set-not-null',
  'drop-not-null',
  'set-default',
  'drop-default',
  'create-index',
  'drop-index',
  'add-foreign-key',
  'add-unique',
  'add-check',
  'add-primary-key',
  'validate-constraint',
  'drop-constraint',
]);

const column = (operation: PlacedOperation): string => `${operation.table ?? '?'}.${operation.column ?? '?'}`;

/** The words the report uses for an operation that can lose data or break a running application; undefined for the others. */
export function destructiveChange(operation: PlacedOperation): DestructiveChange | undefined {
  const { line } = operation;
  switch (operation.kind) {
    case 'drop-table':
      return { operation: 'drop-table', line, detail: `drops table ${operation.table ?? '?'}` };
    case 'drop-column':
      return { operation: 'drop-column', line, detail: `drops column ${column(operation)}` };
    case 'truncate':
      return { operation: 'truncate', line, detail: `truncates table ${operation.table ?? '?'}` };
    case 'delete-all-rows':
      return { operation: 'delete-all-rows', line, detail: `deletes every row of ${operation.table ?? '?'}` };
    case 'drop-schema':
      return { operation: 'drop-schema', line, detail: `drops schema ${operation.name ?? '?'}` };
    case 'rename-table':
      return {
        operation: 'rename-table',
        line,
        detail: `renames table ${operation.table ?? '?'} to ${operation.to ?? '?'}`,
      };
    case 'rename-column':
      return {
        operation: 'rename-column',
        line,
        detail: `renames column ${column(operation)} to ${operation.to ?? '?'}`,
      };
    case 'change-type': {
      const from = operation.previousType ? ` from ${operation.previousType}` : '';
      const to = operation.type ? ` to ${operation.type}` : '';
      return {
        operation: 'column-type-change',
        line,
        detail: `changes the type of ${column(operation)}${from}${to}`,
      };
    }
    case 'add-column':
      return operation.notNull && !operation.hasDefault && operation.existingTable !== false
        ? {
            operation: 'not-null-without-default',
            line,
            detail: `adds ${column(operation)} NOT NULL without a default`,
          }
        : undefined;
    case 'set-not-null':
      return !operation.backfilled && operation.existingTable !== false
        ? {
            operation: 'not-null-without-default',
            line,
            detail: `sets ${column(operation)} NOT NULL (existing NULLs fail)`,
          }
        : undefined;
    default:
      return undefined;
  }
}

function addOnce(list: string[], table: string | undefined): void {
  if (table !== undefined && table !== '' && !list.includes(table)) list.push(table);
}

/** The tables a migration creates, alters and drops, and its destructive operations, all read from its operations. */
export function summarizeOperations(operations: readonly PlacedOperation[]): Summary {
  const summary: Summary = { tablesCreated: [], tablesAltered: [], tablesDropped: [], destructive: [] };
  for (const operation of operations) {
    if (operation.kind === 'create-table') addOnce(summary.tablesCreated, operation.table);
    else if (operation.kind === 'drop-table') addOnce(summary.tablesDropped, operation.table);
    else if (ALTERING.has(operation.kind) && !summary.tablesCreated.includes(operation.table ?? ''))
      addOnce(summary.tablesAltered, operation.table);
    const destructive = destructiveChange(operation);
    if (destructive) summary.destructive.push(destructive);
  }
  summary.destructive.sort((a, b) => a.line - b.line);
  return summary;
}
