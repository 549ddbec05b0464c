import { XMLParser } from 'fast-xml-parser';
import { parse as parseYaml } from 'yaml';
import type { DiffLine } from '../../code/diff/changed-file.js';
import type { FileSide } from '../../code/file-change.js';

/** One change of a changeSet, the same whether the changelog is XML or YAML. */
export interface LiquibaseChange {
  type: string;
  fields: Record<string, unknown>;
  columns: Record<string, unknown>[];
}

export interface LiquibaseChangeSet {
  id: string;
  author: string;
  changes: LiquibaseChange[];
  /** The changeSet says how to roll it back. */
  rollback: boolean;
}

const NOT_CHANGES = new Set([
  'id',
  'author',
  'comment',
  'preConditions',
  'rollback',
  'validCheckSum',
  'context',
  'contextFilter',
  'labels',
  'runOnChange',
  'runAlways',
  'failOnError',
  'dbms',
  'changes',
  'logicalFilePath',
  'objectQuotingStrategy',
  'runInTransaction',
  'created',
  'ignore',
]);

const asArray = (value: unknown): unknown[] =>
  Array.isArray(value) ? value : value === undefined ? [] : [value];
const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function flattenColumn(column: Record<string, unknown>): Record<string, unknown> {
  const constraints = isRecord(column.constraints) ? column.constraints : {};
  return { ...column, ...constraints };
}

function readChange(type: string, body: unknown): LiquibaseChange {
  const fields = isRecord(body) ? body : typeof body === 'string' ? { sql: body } : {};
  const columns = asArray(fields.columns ?? fields.column).flatMap((entry) => {
    const column = isRecord(entry) && isRecord(entry.column) ? entry.column : entry;
    return isRecord(column) ? [flattenColumn(column)] : [];
  });
  const text = fields['#text'];
  return { type, fields: typeof text === 'string' ? { ...fields, sql: text } : fields, columns };
}

function readChangeSet(changeSet: Record<string, unknown>): LiquibaseChangeSet {
  const changes: LiquibaseChange[] = [];
  // YAML lists changes under `changes:`; XML writes them as the changeSet's children.
  for (const entry of asArray(changeSet.changes)) {
    if (!isRecord(entry)) continue;
    for (const [type, body] of Object.entries(entry)) changes.push(readChange(type, body));
  }
  for (const [type, body] of Object.entries(changeSet)) {
    if (NOT_CHANGES.has(type)) continue;
    for (const item of asArray(body)) changes.push(readChange(type, item));
  }
  return {
    id: String(changeSet.id ?? ''),
    author: String(changeSet.author ?? ''),
    changes,
    rollback: changeSet.rollback !== undefined,
  };
}

const XML = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseAttributeValue: false,
  textNodeName: '#text',
});

function parseXml(text: string): LiquibaseChangeSet[] | undefined {
  try {
    const document = XML.parse(text) as Record<string, unknown>;
    const fragment = isRecord(document.fragment) ? document.fragment : undefined;
    const root = [document.databaseChangeLog, fragment?.databaseChangeLog, fragment].find(isRecord);
    return root ? asArray(root.changeSet).filter(isRecord).map(readChangeSet) : undefined;
  } catch {
    return undefined;
  }
}

function parseYamlChangelog(text: string): LiquibaseChangeSet[] | undefined {
  try {
    const document: unknown = parseYaml(text);
    const entries = isRecord(document) ? asArray(document.databaseChangeLog) : asArray(document);
    return entries.flatMap((entry) =>
      isRecord(entry) && isRecord(entry.changeSet) ? [readChangeSet(entry.changeSet)] : [],
    );
  } catch {
    return undefined;
  }
}

/** The changeSets of a whole changelog (XML or YAML), undefined when it does not parse. */
export function parseChangelog(text: string, xml: boolean): LiquibaseChangeSet[] | undefined {
  return xml ? parseXml(text) : parseYamlChangelog(text);
}

/** Added runs of lines parsed on their own: a PR that appends changeSets adds whole elements. */
export function parseAddedChangeSets(added: DiffLine[], xml: boolean): LiquibaseChangeSet[] {
  const runs: string[][] = [];
  let previous = -1;
  for (const line of added) {
    if (line.line !== previous + 1 || runs.length === 0) runs.push([]);
    runs[runs.length - 1]?.push(line.text);
    previous = line.line;
  }
  return runs.flatMap((run) => {
    if (xml)
      return (
        parseXml(
          `<fragment>${run.filter((line) => !line.trimStart().startsWith('<?xml')).join('\n')}</fragment>`,
        ) ?? []
      );
    const indent = Math.min(
      ...run.filter((line) => line.trim() !== '').map((line) => /^\s*/.exec(line)?.[0].length ?? 0),
    );
    return parseYamlChangelog(run.map((line) => line.slice(indent)).join('\n')) ?? [];
  });
}

/** The changeSets the PR adds: those of the head changelog missing from the base one, or the added runs when only the diff is known. */
export function addedChangeSets(
  oldSide: FileSide,
  newSide: FileSide,
  added: DiffLine[],
  xml: boolean,
): LiquibaseChangeSet[] {
  const text = (side: FileSide) => side.lines.map((line) => line.text).join('\n');
  const read = (side: FileSide) => (side.lines.length === 0 ? [] : parseChangelog(text(side), xml));
  const after = newSide.complete ? read(newSide) : undefined;
  const before = oldSide.complete ? read(oldSide) : undefined;
  if (after && before) {
    const known = new Set(before.map((changeSet) => `${changeSet.id}\u0000${changeSet.author}`));
    return after.filter((changeSet) => !known.has(`${changeSet.id}\u0000${changeSet.author}`));
  }
  return parseAddedChangeSets(added, xml);
}
