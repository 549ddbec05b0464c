import type { SourcedValue } from '../../project.js';
import type { PythonRequirement } from './parse-requirement.js';

/** A requirement with the file that declares it and whether it is for development only. */
export interface DeclaredRequirement extends PythonRequirement {
  file: string;
  dev: boolean;
}

/** What one Python manifest (pyproject.toml, Pipfile, setup.cfg, setup.py) declares. */
export interface PythonDeclaration {
  /** The distribution name the manifest declares (normalised), if any. */
  packageName: string | undefined;
  requirements: DeclaredRequirement[];
  requiresPython: SourcedValue | null;
  /** `linter:ruff`, `test:pytest`: tools configured in the manifest. */
  tools: string[];
  /** Package managers the manifest's tables point to (`poetry`, `uv`, `pdm`). */
  managers: string[];
  /** Whether the manifest declares a project (not only tool settings). */
  declaresProject: boolean;
  /** Optional-dependency groups (`dev`, `test`), for `pip install -e ".[dev]"`. */
  extras: string[];
  /** Packages `[tool.uv.sources]` takes from the workspace (`x = { workspace = true }`): not outside dependencies. */
  workspaceSources: string[];
  /** A uv workspace declared here. */
  workspace: { members: string[]; exclude: string[] } | undefined;
  /** Task-runner tasks (poe), by name, with their source. */
  tasks: Map<string, string>;
  hasTox: boolean;
}

/** A declaration with nothing in it, to fill in. */
export function emptyDeclaration(): PythonDeclaration {
  return {
    packageName: undefined,
    requirements: [],
    requiresPython: null,
    tools: [],
    managers: [],
    declaresProject: false,
    extras: [],
    workspace: undefined,
    workspaceSources: [],
    tasks: new Map(),
    hasTox: false,
  };
}
