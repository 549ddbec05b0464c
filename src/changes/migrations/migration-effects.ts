import type { DestructiveChange, DestructiveOperation } from '../change-analysis.js';

/** What a migration does to tables, gathered while reading it. */
export interface MigrationEffects {
  created: string[];
  altered: string[];
  dropped: string[];
  destructive: DestructiveChange[];
}

export function emptyEffects(): MigrationEffects {
  return { created: [], altered: [], dropped: [], destructive: [] };
}

function addOnce(list: string[], table: string): void {
  if (table !== '' && !list.includes(table)) list.push(table);
}

/** Records effects; tables are kept once each, in order of first mention. */
export class EffectsRecorder {
  readonly effects = emptyEffects();

  created(table: string): void {
    addOnce(this.effects.created, table);
  }

  altered(table: string): void {
    if (!this.effects.created.includes(table)) addOnce(this.effects.altered, table);
  }

  dropped(table: string, line: number): void {
    addOnce(this.effects.dropped, table);
    this.destructive('drop-table', line, `drops table ${table}`);
  }

  destructive(operation: DestructiveOperation, line: number, detail: string): void {
    this.effects.destructive.push({ operation, line, detail });
  }

  /** Adds what another reader found (SQL inside a DSL migration). */
  merge(other: MigrationEffects): void {
    for (const table of other.created) this.created(table);
    for (const table of other.altered) this.altered(table);
    for (const table of other.dropped) addOnce(this.effects.dropped, table);
    this.effects.destructive.push(...other.destructive);
  }
}
