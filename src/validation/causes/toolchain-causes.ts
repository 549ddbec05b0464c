import { capture, type CauseReader } from './failure-cause.js';

/** The setup step that installs a tool, for the hint. */
const SETUP_STEP: Readonly<Record<string, string>> = {
  node: 'actions/setup-node',
  npm: 'actions/setup-node',
  npx: 'actions/setup-node',
  yarn: 'actions/setup-node (with `corepack enable`)',
  pnpm: 'pnpm/action-setup',
  bun: 'oven-sh/setup-bun',
  python: 'actions/setup-python',
  python3: 'actions/setup-python',
  pip: 'actions/setup-python',
  pytest: 'actions/setup-python and the test dependencies',
  poetry: 'actions/setup-python and `pipx install poetry`',
  uv: 'astral-sh/setup-uv',
  go: 'actions/setup-go',
  java: 'actions/setup-java',
  mvn: 'actions/setup-java',
  gradle: 'gradle/actions/setup-gradle',
  ruby: 'ruby/setup-ruby',
  bundle: 'ruby/setup-ruby',
  php: 'shivammathur/setup-php',
  composer: 'shivammathur/setup-php',
  dotnet: 'actions/setup-dotnet',
  mix: 'erlef/setup-beam',
  cargo: 'dtolnay/rust-toolchain',
};

/** A program the command calls is not installed. */
export const readMissingTool: CauseReader = (output) => {
  const tool =
    capture(
      /^(?:sh|bash|\/bin\/sh): (?:\d+: )?(?:line \d+: )?([\w.+-]+): (?:command )?not found$/m,
      output,
    ) ??
    capture(/^([\w.+-]+): command not found$/m, output) ??
    capture(/No module named ([\w.]+)$/m, output);
  if (!tool) return undefined;
  const setup = SETUP_STEP[tool] ?? SETUP_STEP[tool.split('.')[0] ?? ''];
  const isModule = /No module named/.test(output) && !/not found$/m.test(output);
  return {
    kind: 'missing-tool',
    summary: isModule ? `Python module \`${tool}\` is not installed` : `\`${tool}\` is not installed`,
    hint: isModule
      ? `add \`${tool}\` to the project's (development) requirements, or install it in a step before this one`
      : `install \`${tool}\` before this step${setup ? ` (${setup})` : ''}`,
  };
};

/** Runtimes older (or newer) than the project asks for. */
const VERSION_MISMATCH: readonly { pattern: RegExp; describe: (m: RegExpExecArray) => string }[] = [
  {
    pattern:
      /The engine "node" is incompatible with this module\. Expected version "([^"]+)"\. Got "([^"]+)"/,
    describe: (m) => `Node ${m[2]} is running; the project needs ${m[1]}`,
  },
  {
    pattern:
      /Unsupported engine[\s\S]{0,300}?required: \{ node: '([^']+)'[\s\S]{0,80}?current: \{ node: '([^']+)'/,
    describe: (m) => `Node ${m[2]} is running; the project needs ${m[1]}`,
  },
  {
    pattern: /Required: \{"node":"([^"]+)"[\s\S]{0,200}?Actual:\s+\{"node":"v?([^"]+)"/, // npm 10+ EBADENGINE
    describe: (m) => `Node ${m[2]} is running; the project needs ${m[1]}`,
  },
  {
    pattern: /requires a different Python: ([\d.]+) not in '([^']+)'/,
    describe: (m) => `Python ${m[1]} is running; the project needs ${m[2]}`,
  },
  {
    pattern: /go\.mod requires go >= ([\d.]+) \(running go ([\d.]+)/,
    describe: (m) => `Go ${m[2]} is running; go.mod needs ${m[1]} or newer`,
  },
  {
    pattern:
      /class file version ([\d.]+), this version of the Java Runtime only recognizes class file versions up to ([\d.]+)/,
    describe: (m) =>
      `the Java runtime is too old for the compiled classes (class file ${m[1]}, runtime up to ${m[2]})`,
  },
  {
    pattern: /(?:invalid target release|release version) (\d+)(?: not supported)?/,
    describe: (m) => `the JDK cannot compile for Java ${m[1]}`,
  },
  {
    pattern: /Your Ruby version is ([\d.]+), but your Gemfile specified ([\d.]+)/,
    describe: (m) => `Ruby ${m[1]} is running; the Gemfile needs ${m[2]}`,
  },
];

/** The runtime is not the version the project declares. */
export const readWrongVersion: CauseReader = (output) => {
  for (const { pattern, describe } of VERSION_MISMATCH) {
    const match = pattern.exec(output);
    if (match)
      return {
        kind: 'wrong-version',
        summary: describe(match),
        hint: 'set up the version the project declares before this step (e.g. actions/setup-node with `node-version-file`, actions/setup-python with `python-version-file`)',
      };
  }
  return undefined;
};

const OUT_OF_MEMORY =
  /JavaScript heap out of memory|Reached heap limit Allocation failed|java\.lang\.OutOfMemoryError|^MemoryError\b|fatal error: runtime: out of memory|Cannot allocate memory|memory allocation of \d+ bytes failed|^Killed$/m;

/** The command ran out of memory (its own heap limit, or the machine's). */
export const readOutOfMemory: CauseReader = (output) => {
  if (!OUT_OF_MEMORY.test(output)) return undefined;
  return {
    kind: 'out-of-memory',
    summary: 'out of memory',
    hint: 'raise the heap limit (`NODE_OPTIONS=--max-old-space-size=4096`, `-Xmx` in `JAVA_TOOL_OPTIONS`), run fewer test workers, or use a larger runner',
  };
};
