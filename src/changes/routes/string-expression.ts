/**
 * A compile-time string as an annotation or attribute argument writes it: literal pieces and
 * references to constants (`ApiPaths.USERS`, `BASE`), concatenated. Java, Kotlin and C#
 * route templates are often built this way (`@GetMapping(ApiPaths.BASE + "/{id}")`).
 */
export type StringExpression = StringPiece[];

/** One piece of a string expression: literal text, or a reference to a constant as written. */
export type StringPiece = { text: string } | { ref: string };

/** The literal value of an expression that references no constant; undefined otherwise. */
export function literalOf(expression: StringExpression | undefined): string | undefined {
  if (!expression) return undefined;
  let value = '';
  for (const piece of expression) {
    if ('ref' in piece) return undefined;
    value += piece.text;
  }
  return value;
}

/**
 * The value of an expression, each reference looked up with `resolve`; undefined when one
 * cannot be resolved (a constant of a library, a value computed at run time).
 */
export function evaluateString(
  expression: StringExpression,
  resolve: (ref: string) => string | undefined,
): string | undefined {
  let value = '';
  for (const piece of expression) {
    const part = 'ref' in piece ? resolve(piece.ref) : piece.text;
    if (part === undefined) return undefined;
    value += part;
  }
  return value;
}

/** The references an expression makes, for finding the files that declare them. */
export function referencesOf(expressions: readonly StringExpression[]): string[] {
  return expressions.flatMap((expression) =>
    expression.flatMap((piece) => ('ref' in piece ? [piece.ref] : [])),
  );
}
