export interface SourceLocation {
  file: string;
  line: number;
}

const SOURCE_EXTENSIONS =
  'js|mjs|cjs|jsx|ts|mts|cts|tsx|py|go|rs|java|kt|kts|scala|groovy|rb|php|cs|fs|vb|ex|exs|erl';

// `path.ext:12`, `path.ext:line 12` (dotnet), optional `file://` prefix (Node ESM stacks).
const PATH_LINE = new RegExp(
  String.raw`(?:file:\/\/)?((?:[A-Za-z]:)?[\w@.\/\\+-]*?[\w+-]+\.(?:${SOURCE_EXTENSIONS})):(?:line )?(\d+)\b`,
  'g',
);
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
  for (const pattern of [PATH_LINE, PYTHON_FRAME]) {
    for (const match of text.matchAll(pattern)) {
      const file = match[1];
      const line = Number(match[2]);
      if (file === undefined || !Number.isInteger(line) || line <= 0 || FOREIGN_PATH.test(file)) continue;
      candidates.push({ file, line, index: match.index });
    }
  }
  const ordered = candidates.sort((a, b) => a.index - b.index);
  const preferred =
    prefer === undefined ? undefined : ordered.find((candidate) => pathsMatch(candidate.file, prefer));
  const chosen = preferred ?? ordered[0];
  return chosen ? { file: chosen.file, line: chosen.line } : undefined;
}

/** Whether two spellings of a path (absolute, relative, `./`-prefixed) name the same file. */
export function pathsMatch(a: string, b: string): boolean {
  const left = a.replace(/\\/g, '/').replace(/^\.\//, '');
  const right = b.replace(/\\/g, '/').replace(/^\.\//, '');
  return left === right || left.endsWith(`/${right}`) || right.endsWith(`/${left}`);
}
