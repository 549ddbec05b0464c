export interface SourceLocation {
  file: string;
  line: number;
}

const SOURCE_EXTENSIONS =
  'js|mjs|cjs|jsx|ts|mts|cts|tsx|py|go|rs|java|kt|kts|scala|groovy|rb|php|cs|fs|vb|ex|exs|erl';

// `.ext:12` or `.ext:line 12` (dotnet): found first, then the path is read backwards
// from it. A single forward expression for `path.ext:line` backtracks quadratically
// on long runs of path characters (minified code, base64 in an assertion message).
const EXTENSION_LINE = new RegExp(String.raw`\.(${SOURCE_EXTENSIONS}):(?:line )?(\d+)\b`, 'g');
const PATH_CHARACTER = /[\w@./\\+-]/;
const MAX_PATH_LENGTH = 300;
// Python tracebacks: File "tests/test_x.py", line 12, in test_y
const PYTHON_FRAME = /File "([^"]+)", line (\d+)/g;

// Frames in the runtime, the standard library or dependencies say nothing about the change.
const FOREIGN_PATH =
  /(?:^|[\\/])(?:node_modules|site-packages|dist-packages|vendor|\.cargo|\.rustup|rustc|_pytest|gems|hostedtoolcache|lib[\\/]python\d[\d.]*|lib[\\/]ruby)[\\/]|^node:|^internal[\\/]|^<|^\/usr\/(?:lib|local|share)\//;

interface Candidate extends SourceLocation {
  index: number;
}

/**
 * The first location in `text` that points into the project's own files: a
 * stack frame, a `file:line` prefix, a Python traceback frame. When `prefer` is
 * given (a test file the runner named), a location in that file wins.
 */
export function findSourceLocation(text: string, prefer?: string): SourceLocation | undefined {
  const candidates: Candidate[] = [];
  const consider = (file: string | undefined, line: number, index: number): void => {
    if (file && Number.isInteger(line) && line > 0 && !FOREIGN_PATH.test(file))
      candidates.push({ file, line, index });
  };
  for (const match of text.matchAll(EXTENSION_LINE)) {
    consider(readPathBefore(text, match.index, match[1] ?? ''), Number(match[2]), match.index);
  }
  for (const match of text.matchAll(PYTHON_FRAME)) consider(match[1], Number(match[2]), match.index);
  const ordered = candidates.sort((a, b) => a.index - b.index);
  const preferred =
    prefer === undefined ? undefined : ordered.find((candidate) => pathsMatch(candidate.file, prefer));
  const chosen = preferred ?? ordered[0];
  return chosen ? { file: chosen.file, line: chosen.line } : undefined;
}

/** The path that ends at `end` (where `.ext` starts): path characters read backwards, `file://` dropped. */
function readPathBefore(text: string, end: number, extension: string): string | undefined {
  let start = end;
  while (start > 0 && end - start < MAX_PATH_LENGTH && PATH_CHARACTER.test(text[start - 1] ?? '')) start -= 1;
  // A Windows drive letter: `C:\src\App.cs`.
  if (
    text[start - 1] === ':' &&
    /[A-Za-z]/.test(text[start - 2] ?? '') &&
    !PATH_CHARACTER.test(text[start - 3] ?? ' ')
  )
    start -= 2;
  const base = text.slice(start, end).replace(/^\/{2,}/, '/');
  return /[\w-]$/.test(base) ? `${base}.${extension}` : undefined;
}

/** Whether two spellings of a path (absolute, relative, `./`-prefixed) name the same file. */
export function pathsMatch(a: string, b: string): boolean {
  const left = a.replace(/\\/g, '/').replace(/^\.\//, '');
  const right = b.replace(/\\/g, '/').replace(/^\.\//, '');
  return left === right || left.endsWith(`/${right}`) || right.endsWith(`/${left}`);
}
