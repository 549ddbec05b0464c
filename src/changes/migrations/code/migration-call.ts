/**
 * A call in a migration written in code (`add_column :users, :email, :string, null: false`,
 * `op.drop_column("users", "x")`, `$table->string('slug')->nullable()`), read from its syntax
 * tree into plain data: the tool readers interpret these, and the fact cache keeps them.
 */
export interface MigrationCall {
  name: string;
  /** The receiver's code (`op`, `t`, `Schema`, `migrationBuilder`, `knex.schema`), if any. */
  receiver?: string;
  line: number;
  endLine: number;
  args: CallValue[];
  /** Keyword or named arguments (`nullable=False`, `null: false`, `table: "x"`). */
  named: Record<string, CallValue>;
  /** Calls chained on this one's result, in order (`->nullable()`, `.notNullable()`, `.references('id')`). */
  chain: { name: string; args: CallValue[] }[];
  /** Calls inside this call's block or callback (`create_table … do |t| … end`, `(table) => { … }`). */
  body: MigrationCall[];
}

/** An argument's value, as far as migrations need it. */
export interface CallValue {
  /** The code as written. */
  text: string;
  /** The line the value starts on. */
  line: number;
  /** A string or symbol literal's value. */
  string?: string;
  /** `true`/`false` literals (`True`, `false`, `:false` are not literals of every language). */
  boolean?: boolean;
  /** A list's items. */
  items?: CallValue[];
  /** A hash, dictionary, object or keyword list's entries. */
  pairs?: Record<string, CallValue>;
  /** A nested call (`sa.Column(…)`, `models.CharField(…)`, `table(:users)`, `new TableColumn({…})`). */
  call?: MigrationCall;
}

/** The string value of an argument, or of the first item of a list. */
export function stringOf(value: CallValue | undefined): string | undefined {
  return value?.string ?? value?.items?.[0]?.string;
}

/** The string values of an argument: a list's strings, or the one string. */
export function stringsOf(value: CallValue | undefined): string[] {
  if (!value) return [];
  if (value.items) return value.items.flatMap((item) => item.string ?? []);
  return value.string === undefined ? [] : [value.string];
}

/** A named argument, else the positional argument at `index`. */
export function argumentOf(call: MigrationCall, index: number, key?: string): CallValue | undefined {
  return (key === undefined ? undefined : call.named[key]) ?? call.args[index];
}

/** A named argument, or an entry of an options object among the arguments (`{ allowNull: false }`). */
export function optionOf(call: MigrationCall, key: string): CallValue | undefined {
  return call.named[key] ?? call.args.find((arg) => arg.pairs?.[key] !== undefined)?.pairs?.[key];
}

/** True when the option is written as the literal `false` (`null: false`, `nullable=False`, `allowNull: false`). */
export function isFalse(value: CallValue | undefined): boolean {
  return value?.boolean === false;
}

/** True when the option is written as the literal `true`. */
export function isTrue(value: CallValue | undefined): boolean {
  return value?.boolean === true;
}

/** True when a call has a chained call of one of these names (`->nullable()`, `.alter()`). */
export function chainHas(call: MigrationCall, ...names: string[]): boolean {
  return call.chain.some((link) => names.includes(link.name));
}
