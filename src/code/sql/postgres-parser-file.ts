/** The PostgreSQL parser's WebAssembly file: the npm package and its path inside it (the build copies it beside the bundles, into `dist/sql/`). */
export const POSTGRES_PARSER_FILE = { package: 'libpg-query', file: 'wasm/libpg-query.wasm' } as const;
