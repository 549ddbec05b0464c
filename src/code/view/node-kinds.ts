import type { Grammar } from '../syntax/grammar.js';
/**
 * Node types, across the grammars, by what they are to a reviewer. A type a grammar does not
 * have is left out of its queries (see `selectNodes`), so one list serves every language.
 */
export const COMMENT_TYPES = ['comment', 'line_comment', 'block_comment', 'doc_comment', 'multiline_comment'];

export const STRING_TYPES = [
  'string',
  'template_string',
  'string_literal',
  'interpreted_string_literal',
  'raw_string_literal',
  'verbatim_string_literal',
  'raw_string',
  'encapsed_string',
  'heredoc',
  'nowdoc',
  'character_literal',
  'char_literal',
  'rune_literal',
  'regex',
  'sigil',
  'charlist',
  'line_string_literal',
  'multi_line_string_literal',
];

/** Code written inside a string: `${x}`, `#{x}`, `{x}` in an f-string. */
export const INTERPOLATION_TYPES = [
  'template_substitution',
  'interpolation',
  'string_interpolation',
  'interpolated_expression',
];

/** Functions, methods and lambdas. Elixir's `def` is a call and is found by name. */
export const FUNCTION_TYPES = [
  'function_declaration',
  'function_definition',
  'function_expression',
  'function_item',
  'function',
  'generator_function_declaration',
  'method_definition',
  'method_declaration',
  'constructor_declaration',
  'local_function_statement',
  'arrow_function',
  'lambda_expression',
  'lambda_literal',
  'func_literal',
  'closure_expression',
  'method',
  'singleton_method',
  'anonymous_function',
  // A block passed to a call (`items.each do |item|`): a function in all but name.
  'do_block',
];

/** Loops, including iteration with a block or a callback is left to the rules (it is a call). */
export const LOOP_TYPES = [
  'for_statement',
  'for_in_statement',
  'for_of_statement',
  'while_statement',
  'do_statement',
  'enhanced_for_statement',
  'foreach_statement',
  'for_each_statement',
  'for_expression',
  'while_expression',
  'loop_expression',
  'for',
  'while',
  'until',
  'for_range_loop',
  'do_while_statement',
];

/** Nodes whose children are statements: a statement is a child of one of these. */
export const STATEMENT_PARENT_TYPES = new Set([
  'program',
  'module',
  'source',
  'source_file',
  'compilation_unit',
  'statement_block',
  'block',
  'body_statement',
  'class_body',
  'declaration_list',
  'do_block',
  'statements',
  'function_body',
  'constructor_body',
  'compound_statement',
  'switch_block_statement_group',
  'body',
  'statement_list',
]);

/** Imports and the declarations around them that only say where code lives (package, namespace). */
export const IMPORT_TYPES = [
  'import_statement',
  'import_from_statement',
  'future_import_statement',
  'import_declaration',
  'import_spec_list',
  'use_declaration',
  'using_directive',
  'namespace_use_declaration',
  'package_clause',
  'package_declaration',
  'package_header',
  'import_list',
  'import_header',
  'extern_crate_declaration',
];

/**
 * Import nodes whose type name other grammars use for something else: Kotlin's `import` header
 * (in JavaScript, `import` is the callee of a dynamic `import(…)`, which runs code).
 */
export const GRAMMAR_IMPORT_TYPES: Readonly<Partial<Record<Grammar, readonly string[]>>> = {
  kotlin: ['import'],
};
