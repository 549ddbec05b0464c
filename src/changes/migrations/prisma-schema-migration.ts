import type { DiffLine } from '../../code/diff/changed-file.js';
import type { EffectsRecorder } from './migration-effects.js';
import type { MigrationReader } from './migration-reader.js';

interface PrismaField {
  model: string | undefined;
  name: string;
  type: string;
  optional: boolean;
  list: boolean;
  hasDefault: boolean;
  line: number;
}

const MODEL_START = /^\s*model\s+(\w+)\s*\{/;
const FIELD = /^\s*(\w+)\s+(\w+(?:\([^)]*\))?)(\[\])?(\?)?(.*)$/;

/** Models and fields of one side, each field with the model it sits in (when the side shows the model's first line). */
function readSide(lines: DiffLine[]): { models: Map<string, number>; fields: PrismaField[] } {
  const models = new Map<string, number>();
  const fields: PrismaField[] = [];
  let model: string | undefined;
  let previous = -1;
  for (const line of lines) {
    // A gap between hunks leaves us not knowing which block we are in.
    if (line.line !== previous + 1) model = undefined;
    previous = line.line;
    const text = line.text.replace(/\/\/.*$/, '');
    const start = MODEL_START.exec(text);
    if (start?.[1]) {
      model = start[1];
      models.set(model, line.line);
      continue;
    }
    if (/^\s*\}/.test(text)) {
      model = undefined;
      continue;
    }
    if (/^\s*(enum|type|view|generator|datasource)\s+\w+\s*\{/.test(text)) {
      model = '';
      continue;
    }
    const field = FIELD.exec(text);
    if (!field?.[1] || !field[2] || model === '' || text.trim().startsWith('@@')) continue;
    const attributes = field[5] ?? '';
    fields.push({
      model,
      name: field[1],
      type: field[2],
      optional: field[4] === '?',
      list: field[3] === '[]',
      hasDefault: /@default\(|@updatedAt\b|@id\b/.test(attributes),
      line: line.line,
    });
  }
  return { models, fields };
}

const key = (field: PrismaField): string => `${field.model ?? ''}.${field.name}`;
const qualified = (field: PrismaField): string => (field.model ? `${field.model}.${field.name}` : field.name);

/**
 * `schema.prisma`: models added or removed, and field changes inside models: a dropped
 * field, a changed type, a field made required, a required field added without `@default`.
 * Relation fields (whose type is a model) hold no column and are left out.
 */
export const readPrismaSchema: MigrationReader = (change, recorder) => {
  const edits: SchemaEdits = {
    added: new Set(change.added.map((line) => line.line)),
    removed: new Set(change.removed.map((line) => line.line)),
    before: readSide(change.oldSide().lines),
    after: readSide(change.newSide().lines),
  };
  recordModelChanges(edits, recorder);
  const relations = new Set([...edits.before.models.keys(), ...edits.after.models.keys()]);
  const columns = (fields: PrismaField[]) =>
    fields.filter((field) => !relations.has(field.type) && !field.list);
  const oldFields = new Map(columns(edits.before.fields).map((field) => [key(field), field]));
  const newFields = new Map(columns(edits.after.fields).map((field) => [key(field), field]));
  recordDroppedFields(edits, oldFields, newFields, recorder);
  recordAddedOrChangedFields(edits, oldFields, newFields, recorder);
};

type SchemaSide = ReturnType<typeof readSide>;

interface SchemaEdits {
  /** New-side line numbers the diff adds. */
  added: Set<number>;
  /** Old-side line numbers the diff removes. */
  removed: Set<number>;
  before: SchemaSide;
  after: SchemaSide;
}

function recordModelChanges(edits: SchemaEdits, recorder: EffectsRecorder): void {
  for (const [model, line] of edits.after.models)
    if (edits.added.has(line) && !edits.before.models.has(model)) recorder.created(model);
  for (const [model, line] of edits.before.models)
    if (edits.removed.has(line) && !edits.after.models.has(model)) recorder.dropped(model, line);
}

/** A removed field of a removed model goes with its table; the dropped table already says so. */
function recordDroppedFields(
  { removed, before, after }: SchemaEdits,
  oldFields: ReadonlyMap<string, PrismaField>,
  newFields: ReadonlyMap<string, PrismaField>,
  recorder: EffectsRecorder,
): void {
  for (const field of oldFields.values()) {
    if (
      !removed.has(field.line) ||
      newFields.has(key(field)) ||
      (field.model &&
        !after.models.has(field.model) &&
        before.models.has(field.model) &&
        removed.has(before.models.get(field.model) ?? -1))
    )
      continue;
    if (field.model) recorder.altered(field.model);
    recorder.destructive('drop-column', field.line, `drops column ${qualified(field)}`);
  }
}

/** Fields of a newly created model are part of the CREATE TABLE, so only existing models are altered. */
function recordAddedOrChangedFields(
  { added }: SchemaEdits,
  oldFields: ReadonlyMap<string, PrismaField>,
  newFields: ReadonlyMap<string, PrismaField>,
  recorder: EffectsRecorder,
): void {
  for (const field of newFields.values()) {
    if (!added.has(field.line) || (field.model && recorder.effects.created.includes(field.model))) continue;
    const previous = oldFields.get(key(field));
    if (field.model) recorder.altered(field.model);
    if (previous && previous.type !== field.type) {
      recorder.destructive(
        'column-type-change',
        field.line,
        `changes the type of ${qualified(field)} from ${previous.type} to ${field.type}`,
      );
    }
    if (!field.optional && !field.hasDefault && (!previous || previous.optional)) {
      const verb = previous ? 'sets' : 'adds';
      const detail = previous
        ? `${verb} ${qualified(field)} NOT NULL (existing NULLs fail)`
        : `${verb} ${qualified(field)} NOT NULL without a default`;
      recorder.destructive('not-null-without-default', field.line, detail);
    }
  }
}
