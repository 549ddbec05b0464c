import { walkRepository } from '../discovery/walk/walk-repository.js';

/** The manifests discovery starts a project from, as a reader would look for them. */
const LOOKED_FOR =
  'package.json, pyproject.toml, setup.py, setup.cfg, requirements.txt, Pipfile, go.mod, Cargo.toml, pom.xml, build.gradle(.kts), Gemfile, composer.json, *.csproj/*.sln, mix.exs';

/**
 * Why `dir` has no project, in words a user can act on: what was looked for, and the one case
 * worth naming: Go sources without `go.mod`, a repository from before Go modules (GOPATH).
 */
export async function explainNoProjects(root: string, ignore: readonly string[]): Promise<string> {
  const lines = [
    `No projects found in ${root}.`,
    `Looked for these manifests (outside dependency, build and ignored folders): ${LOOKED_FOR}.`,
  ];
  const walk = await walkRepository(root, { ignore, keepFile: (name) => name.endsWith('.go') }).catch(
    () => undefined,
  );
  const goFiles = walk ? [...walk.filesByDir.values()].reduce((n, names) => n + names.size, 0) : 0;
  if (goFiles > 0)
    lines.push(
      `Found ${goFiles} .go file(s) but no go.mod: this looks like a GOPATH-era Go repository. Run \`go mod init <module path>\` and \`go mod tidy\` to make it a Go module, or name its commands in the config file (projects: [{ path: ., test: "go test ./..." }]).`,
    );
  else
    lines.push(
      'If the project is there under another layout, name it and its commands in the config file (`projects:` in .github/backend-developer.yml).',
    );
  return lines.join('\n');
}
