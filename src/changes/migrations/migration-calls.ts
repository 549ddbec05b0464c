import {
  argumentCode,
  keywordArgument,
  positionalArguments,
  readCallArguments,
  stringArgument,
  type CallArgument,
} from '../source/read-call.js';
import { createSourceView, lineAt, type SourceView } from '../source/source-view.js';
import type { CodeSyntax } from '../source/mask-source.js';
import type { FileSide } from '../../code/file-change.js';
import type { TouchedLines } from './migration-reader.js';

/** One call of a migration DSL: `op.drop_table("users")`, `$table->dropColumn('x')`, `migrationBuilder.DropTable(name: "x")`. */
export class MigrationCall {
  constructor(
    readonly view: SourceView,
    readonly name: string,
    readonly start: number,
    readonly close: number,
    readonly args: CallArgument[],
  ) {}

  get line(): number {
    return lineAt(this.view, this.start);
  }

  get endLine(): number {
    return lineAt(this.view, this.close);
  }

  /** The string value of the `index`-th positional argument. */
  text(index: number): string | undefined {
    return stringArgument(this.view, positionalArguments(this.view, this.args)[index]);
  }

  /** The string value of a keyword argument (`name="x"`, `name: "x"`, `'name' => 'x'`). */
  keyword(name: string): string | undefined {
    return stringArgument(this.view, keywordArgument(this.view, this.args, name));
  }

  /** The code of a keyword argument, string contents blank (`False`, `true`). */
  keywordCode(name: string): string | undefined {
    const found = keywordArgument(this.view, this.args, name);
    return found ? argumentCode(this.view, found).trim() : undefined;
  }

  /** The call's code, string contents blank: look for `nullable=False`, `.notNullable()` in it. */
  code(): string {
    return this.view.masked.slice(this.start, this.close + 1);
  }

  /** The chained calls after this one, as code (`->nullable()->change()`). */
  chain(): string {
    const rest = /^(?:\s*(?:->|\.)\s*\w+\s*\([^;]*?\))*/.exec(
      this.view.masked.slice(this.close + 1, this.close + 400),
    );
    return rest?.[0] ?? '';
  }
}

const DOWN_START =
  /\bdef\s+(?:downgrade|down)\b|\bfunction\s+down\s*\(|\bexports\.down\b|(?:^|[\s,{])(?:async\s+)?down\s*(?:[:=]|\()|\bvoid\s+Down\s*\(/gm;
const UP_START =
  /\bdef\s+(?:upgrade|up|change)\b|\bfunction\s+up\s*\(|\bexports\.up\b|(?:^|[\s,{])(?:async\s+)?up\s*(?:[:=]|\()|\bvoid\s+Up\s*\(/gm;

/** Offsets where a rollback (`down`) function starts and ends: its effects are not the migration's. */
export function downRegions(view: SourceView): [number, number][] {
  const markers = [
    ...[...view.masked.matchAll(DOWN_START)].map((match) => ({ offset: match.index, down: true })),
    ...[...view.masked.matchAll(UP_START)].map((match) => ({ offset: match.index, down: false })),
  ].sort((a, b) => a.offset - b.offset);
  const regions: [number, number][] = [];
  markers.forEach((marker, index) => {
    if (marker.down) regions.push([marker.offset, markers[index + 1]?.offset ?? view.masked.length]);
  });
  return regions;
}

/**
 * The calls of a migration whose names `pattern` matches (group 1 is the name, the match
 * ends at the opening bracket), outside rollback functions and on lines an edit touched.
 */
export function readMigrationCalls(
  side: FileSide,
  syntax: CodeSyntax,
  pattern: RegExp,
  touched: TouchedLines,
): MigrationCall[] {
  const view = createSourceView(side.lines, syntax, side.complete);
  const down = downRegions(view);
  const calls: MigrationCall[] = [];
  for (const match of view.masked.matchAll(pattern)) {
    if (down.some(([start, end]) => match.index >= start && match.index < end)) continue;
    const read = readCallArguments(view, match.index + match[0].length - 1);
    if (!read) continue;
    const call = new MigrationCall(view, match[1] ?? '', match.index, read.close, read.arguments);
    if (touched(call.line, call.endLine)) calls.push(call);
  }
  return calls;
}
