import type { MigrationOperation } from '../../migration-operation.js';
import type { MigrationCall } from './migration-call.js';

/** Reads SQL that a migration in code runs (`execute`, `RunSQL`, `knex.raw`), its first line numbered `line`. */
export type EmbeddedSql = (text: string, line: number) => MigrationOperation[];

/** Turns one tool's migration calls into operations. */
export type CallInterpreter = (calls: readonly MigrationCall[], sql: EmbeddedSql) => MigrationOperation[];

/** The column a reference to `table` gets by the tools' convention: `users` → `user_id`. */
export function referenceColumn(table: string): string {
  const bare = table.split('.').pop() ?? table;
  const singular = bare.endsWith('ies')
    ? `${bare.slice(0, -3)}y`
    : bare.endsWith('s') && !bare.endsWith('ss')
      ? bare.slice(0, -1)
      : bare;
  return `${singular}_id`;
}

/** Every call of a tree, depth first (a block's calls after the call that opens it). */
export function flattenCalls(calls: readonly MigrationCall[]): MigrationCall[] {
  return calls.flatMap((call) => [call, ...flattenCalls(call.body)]);
}
