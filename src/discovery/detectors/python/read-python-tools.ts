import { joinRelative, type RepositoryIndex } from '../../repository-index.js';

export interface PythonTools {
  /** `linter:ruff`, `test:pytest`: tools whose configuration files sit in the project. */
  configured: string[];
  tox: { file: string; envs: Set<string> } | undefined;
  nox: { file: string; sessions: Set<string> } | undefined;
}

const CONFIG_FILES: Readonly<Record<string, string>> = {
  'ruff.toml': 'linter:ruff',
  '.ruff.toml': 'linter:ruff',
  '.flake8': 'linter:flake8',
  '.pylintrc': 'linter:pylint',
  'mypy.ini': 'linter:mypy',
  'pytest.ini': 'test:pytest',
};

/** Tool configuration files, tox environments and nox sessions of the project in `dir`. */
export async function readPythonTools(index: RepositoryIndex, dir: string): Promise<PythonTools> {
  const configured = index.filesIn(dir).flatMap((name) => CONFIG_FILES[name] ?? []);
  const toxFile = joinRelative(dir, 'tox.ini');
  const noxFile = joinRelative(dir, 'noxfile.py');
  const [toxText, noxText] = await Promise.all([
    index.has(toxFile) ? index.readText(toxFile) : undefined,
    index.has(noxFile) ? index.readText(noxFile) : undefined,
  ]);
  return {
    configured,
    tox: toxText === undefined ? undefined : { file: toxFile, envs: toxEnvironments(toxText) },
    nox: noxText === undefined ? undefined : { file: noxFile, sessions: noxSessions(noxText) },
  };
}

/** tox.ini is INI: environments are `[testenv:name]` sections and `envlist` entries. */
function toxEnvironments(text: string): Set<string> {
  const envs = new Set<string>();
  for (const match of text.matchAll(/^\[testenv:([^\]\s]+)\]/gm)) if (match[1]) envs.add(match[1]);
  const envlist = /^envlist\s*=\s*(.*(?:\n[ \t]+.*)*)/m.exec(text)?.[1] ?? '';
  for (const env of envlist.split(/[\s,]+/)) if (/^[\w-]+$/.test(env)) envs.add(env);
  return envs;
}

/** noxfile.py is Python: a session is a function decorated with `@nox.session` (named by `name=` when given). */
function noxSessions(text: string): Set<string> {
  const sessions = new Set<string>();
  let decorated: string | null = null;
  for (const line of text.split(/\r?\n/)) {
    const decorator = /^\s*@nox\.session\b(.*)$/.exec(line);
    if (decorator) {
      decorated = /name\s*=\s*["']([^"']+)["']/.exec(decorator[1] ?? '')?.[1] ?? '';
      continue;
    }
    const name = /^\s*def\s+(\w+)\s*\(/.exec(line)?.[1];
    if (name && decorated !== null) {
      sessions.add(decorated || name);
      decorated = null;
    }
  }
  return sessions;
}
