// libpg-query's Emscripten module, imported directly: the package's own entry starts loading
// its WebAssembly at import time, from a path an action bundle does not have.
declare module 'libpg-query/wasm/libpg-query.js' {
  const createModule: (options: { locateFile: () => string }) => Promise<unknown>;
  export default createModule;
}
