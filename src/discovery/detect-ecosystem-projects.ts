import { compareText, uniqueSorted } from './assemble-findings.js';
import { isDockerfile } from './containers/attach-container-files.js';
import type { DetectionContext, EcosystemDetector, EcosystemFindings } from './detector.js';
import type { RepositoryIndex } from './repository-index.js';
import { resolveWorkspaces } from './resolve-workspaces.js';

/** One ecosystem's findings for one directory, and the workspace root it belongs to when it is a member. */
export interface DirectoryFinding {
  dir: string;
  detector: EcosystemDetector;
  findings: EcosystemFindings;
  /** The workspace root where the member's install runs, or null for a standalone project or a root. */
  workspace: string | null;
  /** Members that are not projects of their own and that this one depends on: their files count for it. */
  libraries: string[];
}

/**
 * One ecosystem's projects: its candidate directories, grouped into workspaces.
 *
 * When a workspace member is a project of its own (projects are deployable or testable units):
 * - A member of a workspace (npm, pnpm, Yarn or Bun workspaces, Nx and Turborepo, uv, Cargo,
 *   go.work, Gradle `include`, Maven `<modules>`, a .NET solution's projects, a mix umbrella's
 *   apps) is its own project when it has tests of its own (a real test script or test
 *   configuration, a tests folder, a .NET test project), a framework among its own runtime
 *   dependencies (or an application platform: the Spring Boot plugin, the .NET Web SDK), an
 *   entry point of its own (a `start` script, an executable .NET project), or a Dockerfile in
 *   its folder. Its `workspace` is the root, where its install runs; its test and
 *   lint commands are scoped to it and run in its folder.
 * - Any other member (a shared library without tests, a configuration package) is not a
 *   project of its own: its dependencies count for the workspace root.
 * - The workspace root is a project when it has code of its own (a source folder, a package it
 *   builds) or tests that are not just a loop over the members, or when no member is a project
 *   of its own: then the workspace is one project, as before.
 * - Single-build workspaces stay one project at the root whatever their members hold: a Cargo
 *   workspace none of whose members has a Dockerfile of its own (its crates build one deliverable
 *   together and `cargo test --workspace` tests it), and a Maven reactor whose modules depend on
 *   each other with at most one application module among them.
 * - Go modules of a go.work are each a project: `go test ./...` stops at module boundaries.
 */
export async function detectEcosystemProjects(
  detector: EcosystemDetector,
  index: RepositoryIndex,
  candidates: readonly string[],
): Promise<DirectoryFinding[]> {
  const context: DetectionContext = { index, candidates };
  const layout = await resolveWorkspaces(detector, context);
  const groups = await Promise.all(
    [...layout].map(([root, members]) =>
      members.length === 0
        ? detectStandalone(detector, root, context)
        : detectWorkspace(detector, root, members, context),
    ),
  );
  return groups.flat();
}

async function detectStandalone(
  detector: EcosystemDetector,
  dir: string,
  context: DetectionContext,
): Promise<DirectoryFinding[]> {
  const findings = await detector.detect(dir, [], context);
  return findings ? [{ dir, detector, findings, workspace: null, libraries: [] }] : [];
}

async function detectWorkspace(
  detector: EcosystemDetector,
  root: string,
  members: readonly string[],
  context: DetectionContext,
): Promise<DirectoryFinding[]> {
  // A detector that cannot tell yet keeps its workspaces whole.
  const single = (await detector.isSingleBuild?.(root, members, context)) ?? true;
  const memberContext: DetectionContext = { ...context, workspace: root };
  const detected = single
    ? []
    : await Promise.all(
        members.map(async (dir) => ({ dir, findings: await detector.detect(dir, [], memberContext) })),
      );
  const unitDirs = new Set(
    detected.flatMap(({ dir, findings }) => (findings && isUnit(findings, dir, context.index) ? [dir] : [])),
  );
  // Members that are not applications (libraries, with tests or not) lend their data stores to dependents.
  const libraries = new Map(
    detected.flatMap(({ dir, findings }) =>
      findings && !isApplication(findings, dir, context.index) ? [[dir, findings] as const] : [],
    ),
  );
  const units = detected.flatMap(({ dir, findings }) =>
    findings && unitDirs.has(dir)
      ? [withLibraries({ dir, detector, findings, workspace: root }, libraries)]
      : [],
  );
  const folded = members.filter((member) => !unitDirs.has(member));
  const rootFindings = await detector.detect(root, folded, { ...context, workspaceMembers: members });
  const rootStands =
    rootFindings !== undefined && (units.length === 0 || rootFindings.ownCode || rootFindings.ownTests);
  if (!rootStands) return units;
  return [{ dir: root, detector, findings: rootFindings, workspace: null, libraries: folded }, ...units];
}

/**
 * A member's data stores and ORMs include those of the workspace libraries it depends on,
 * directly or through other libraries (an API using a `db` package that holds the driver),
 * whether or not a library has tests of its own. The applications it depends on (a test
 * project referencing the web project it tests) stand for themselves.
 */
function withLibraries(
  unit: Omit<DirectoryFinding, 'libraries'>,
  libraries: ReadonlyMap<string, EcosystemFindings>,
): DirectoryFinding {
  const reached = new Set<string>();
  const pending = [...unit.findings.internalDependencies];
  for (let dir = pending.pop(); dir !== undefined; dir = pending.pop()) {
    const library = libraries.get(dir);
    if (!library || reached.has(dir)) continue;
    reached.add(dir);
    pending.push(...library.internalDependencies);
  }
  const found = [...reached].flatMap((dir) => libraries.get(dir) ?? []);
  const findings = {
    ...unit.findings,
    databases: uniqueSorted([...unit.findings.databases, ...found.flatMap((library) => library.databases)]),
    orms: uniqueSorted([...unit.findings.orms, ...found.flatMap((library) => library.orms)]),
  };
  return { ...unit, findings, libraries: [...reached].sort(compareText) };
}

/** A deployable or testable member: tests of its own, or an application. */
function isUnit(findings: EcosystemFindings, dir: string, index: RepositoryIndex): boolean {
  return findings.ownTests || isApplication(findings, dir, index);
}

/** Its own framework or entry point, or its own Dockerfile. */
function isApplication(findings: EcosystemFindings, dir: string, index: RepositoryIndex): boolean {
  return findings.appFramework || findings.entryPoint || index.filesIn(dir).some(isDockerfile);
}
