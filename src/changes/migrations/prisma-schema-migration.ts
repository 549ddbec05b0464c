import type { DiffLine } from '../../code/diff/changed-file.js';
import type { FileChange } from '../../code/file-change.js';
import type { MigrationOperation } from '../migration-operation.js';

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

/**
 * `schema.prisma`: models added or removed, and field changes inside models: a dropped
 * field, a changed type, a field made required, a field added. Relation fields (whose type
 * is a model) hold no column and are left out.
 */
export function readPrismaSchemaOperations(change: FileChange): MigrationOperation[] {
  const edits: SchemaEdits = {
    added: new Set(change.added.map((line) => line.line)),
    removed: new Set(change.removed.map((line) => line.line)),
    before: readSide(change.oldSide().lines),
    after: readSide(change.newSide().lines),
  };
  const relations = new Set([...edits.before.models.keys(), ...edits.after.models.keys()]);
  const columns = (fields: PrismaField[]) =>
    fields.filter((field) => !relations.has(field.type) && !field.list);
  const oldFields = new Map(columns(edits.before.fields).map((field) => [key(field), field]));
  const newFields = new Map(columns(edits.after.fields).map((field) => [key(field), field]));
  const created = [...edits.after.models].filter(
    ([model, line]) => edits.added.has(line) && !edits.before.models.has(model),
  );
  const createdModels = new Set(created.map(([model]) => model));
  const operations: MigrationOperation[] = created.map(([model, line]) => ({
    kind: 'create-table',
    line,
    table: model,
    columns: [...newFields.values()].filter((field) => field.model === model).map((field) => field.name),
  }));
  for (const [model, line] of edits.before.models)
    if (edits.removed.has(line) && !edits.after.models.has(model))
      operations.push({ kind: 'drop-table', line, table: model });
  operations.push(...droppedFields(edits, oldFields, newFields));
  operations.push(...changedFields(edits, oldFields, newFields, createdModels));
  return operations;
}

type SchemaSide = ReturnType<typeof readSide>;

interface SchemaEdits {
  /** New-side line numbers the diff adds. */
  added: Set<number>;
  /** Old-side line numbers the diff removes. */
  removed: Set<number>;
  before: SchemaSide;
  after: SchemaSide;
}

/** A removed field of a removed model goes with its table; the dropped table already says so. */
function droppedFields(
  { removed, before, after }: SchemaEdits,
  oldFields: ReadonlyMap<string, PrismaField>,
  newFields: ReadonlyMap<string, PrismaField>,
): MigrationOperation[] {
  return [...oldFields.values()].flatMap((field): MigrationOperation[] => {
    const modelDropped =
      field.model !== undefined &&
      !after.models.has(field.model) &&
      before.models.has(field.model) &&
      removed.has(before.models.get(field.model) ?? -1);
    if (!removed.has(field.line) || newFields.has(key(field)) || modelDropped) return [];
    return [{ kind: 'drop-column', line: field.line, table: field.model ?? '?', column: field.name }];
  });
}

/** Fields of a newly created model are part of the CREATE TABLE, so only existing models are altered. */
function changedFields(
  { added }: SchemaEdits,
  oldFields: ReadonlyMap<string, PrismaField>,
  newFields: ReadonlyMap<string, PrismaField>,
  createdModels: ReadonlySet<string>,
): MigrationOperation[] {
  const operations: MigrationOperation[] = [];
  for (const field of newFields.values()) {
    if (!added.has(field.line) || (field.model && createdModels.has(field.model))) continue;
    const previous = oldFields.get(key(field));
    const table = field.model ?? '?';
    const line = field.line;
    if (!previous) {
      operations.push({
        kind: 'add-column',
        line,
        table,
        column: field.name,
        type: field.type,
        ...(!field.optional ? { notNull: true } : {}),
        ...(field.hasDefault ? { hasDefault: true } : {}),
      });
      continue;
    }
    if (previous.type !== field.type)
      operations.push({
        kind: 'change-type',
        line,
        table,
        column: field.name,
        type: field.type,
        previousType: previous.type,
      });
    if (!field.optional && previous.optional)
      operations.push({ kind: 'set-not-null', line, table, column: field.name });
  }
  return operations;
}
