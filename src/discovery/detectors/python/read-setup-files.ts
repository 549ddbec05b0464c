import type { RepositoryIndex } from '../../repository-index.js';
import { pathOf, recordOf, stringOf } from '../../untyped-value.js';
import { normalisePythonName, parseRequirement } from './parse-requirement.js';
import { emptyDeclaration, type DeclaredRequirement, type PythonDeclaration } from './python-declaration.js';

/** Pipfile (TOML): `[packages]`, `[dev-packages]` and `[requires] python_version`. */
export async function readPipfile(
  index: RepositoryIndex,
  file: string,
): Promise<PythonDeclaration | undefined> {
  const document = recordOf(await index.readParsed(file, 'toml'));
  if (!document) return undefined;
  const declaration = emptyDeclaration();
  for (const [table, dev] of [
    ['packages', false],
    ['dev-packages', true],
  ] as const) {
    for (const [name, spec] of Object.entries(recordOf(document[table]) ?? {})) {
      const raw = stringOf(spec) ?? stringOf(pathOf(spec, 'version')) ?? '*';
      const constraint = raw === '*' ? null : raw;
      declaration.requirements.push({ name: normalisePythonName(name), extras: [], constraint, file, dev });
    }
  }
  const python =
    stringOf(pathOf(document, 'requires', 'python_version')) ??
    stringOf(pathOf(document, 'requires', 'python_full_version'));
  declaration.requiresPython = python ? { value: python, source: file } : null;
  declaration.managers = ['pipenv'];
  declaration.declaresProject = true;
  return declaration;
}

/**
 * setup.cfg is INI, which has no maintained parser in our dependencies and is simple:
 * `[section]` headers, `key = value` lines, indented continuation lines.
 */
export async function readSetupCfg(
  index: RepositoryIndex,
  file: string,
): Promise<PythonDeclaration | undefined> {
  const text = await index.readText(file);
  if (text === undefined) return undefined;
  const sections = readIni(text);
  const declaration = emptyDeclaration();
  const options = sections.get('options');
  declaration.requirements.push(...requirementsOf(options?.get('install_requires') ?? '', file, false));
  for (const value of sections.get('options.extras_require')?.values() ?? []) {
    declaration.requirements.push(...requirementsOf(value, file, true));
  }
  const python = options?.get('python_requires')?.trim();
  declaration.requiresPython = python ? { value: python, source: file } : null;
  declaration.declaresProject = sections.has('metadata') || options !== undefined;
  if (sections.has('tool:pytest')) declaration.tools.push('test:pytest');
  if (sections.has('flake8')) declaration.tools.push('linter:flake8');
  declaration.hasTox = sections.has('tox:tox');
  return declaration;
}

/**
 * setup.py is Python code; only its literal `install_requires=[...]` list and
 * `python_requires="..."` are read, which covers the common, declarative use.
 */
export async function readSetupPy(
  index: RepositoryIndex,
  file: string,
): Promise<PythonDeclaration | undefined> {
  const text = await index.readText(file);
  if (text === undefined) return undefined;
  const declaration = emptyDeclaration();
  const list = /install_requires\s*=\s*\[([^\]]*)\]/s.exec(text)?.[1] ?? '';
  const strings = [...list.matchAll(/(["'])(.*?)\1/g)].map((match) => match[2] ?? '');
  declaration.requirements.push(...requirementsOf(strings.join('\n'), file, false));
  const python = /python_requires\s*=\s*(["'])(.*?)\1/.exec(text)?.[2];
  declaration.requiresPython = python ? { value: python, source: file } : null;
  declaration.declaresProject = true;
  return declaration;
}

function requirementsOf(block: string, file: string, dev: boolean): DeclaredRequirement[] {
  return block.split(/[\n;]/).flatMap((line) => {
    const requirement = parseRequirement(line.replace(/#.*$/, ''));
    return requirement ? [{ ...requirement, file, dev }] : [];
  });
}

function readIni(text: string): Map<string, Map<string, string>> {
  const sections = new Map<string, Map<string, string>>();
  let section: Map<string, string> | undefined;
  let key: string | undefined;
  for (const line of text.split(/\r?\n/)) {
    if (/^\s*[#;]/.test(line) || line.trim() === '') continue;
    const header = /^\[([^\]]+)\]/.exec(line)?.[1];
    if (header) {
      section = new Map();
      sections.set(header.trim(), section);
      key = undefined;
    } else if (/^\s/.test(line) && section && key !== undefined) {
      section.set(key, `${section.get(key) ?? ''}\n${line.trim()}`);
    } else if (section) {
      const [name, ...value] = line.split(/[=:]/);
      key = name?.trim();
      if (key) section.set(key, value.join('=').trim());
    }
  }
  return sections;
}
