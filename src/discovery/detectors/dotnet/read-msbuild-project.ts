import path from 'node:path';
import { dirnameRelative, type RepositoryIndex } from '../../repository-index.js';
import { listOf, pathOf, recordOf, stringOf } from '../../untyped-value.js';

/** What a .csproj declares. */
export interface MsbuildProject {
  file: string;
  sdk: string | undefined;
  targetFramework: string | undefined;
  packages: Array<{ name: string; version: string | undefined }>;
  frameworkReferences: string[];
  isTestProject: boolean;
  /** Builds an executable: `OutputType` Exe (even for some targets only), a worker, web or Aspire host SDK. */
  isExecutable: boolean;
  /** Repository-relative folders of the projects it references (`<ProjectReference>`). */
  references: string[];
}

const TEST_PACKAGES =
  /^(microsoft\.net\.test\.sdk|xunit(\.v3)?(\..*)?|nunit|mstest(\.testframework)?|tunit)$/i;

/** Reads an SDK-style .csproj with fast-xml-parser: its SDK, target framework, package and framework references. */
export async function readMsbuildProject(
  index: RepositoryIndex,
  file: string,
): Promise<MsbuildProject | undefined> {
  const project = recordOf(pathOf(await index.readParsed(file, 'xml'), 'Project'));
  if (!project) return undefined;
  const groups = listOf(project.PropertyGroup);
  // A conditional property (`<OutputType Condition="…">Exe</OutputType>`) still says what the project can be.
  const property = (name: string): string | undefined =>
    groups
      .flatMap((group) => listOf(pathOf(group, name)))
      .map((value) => stringOf(value) ?? stringOf(pathOf(value, '#text')))
      .find((value) => value !== undefined);
  const items = listOf(project.ItemGroup);
  const packages = items.flatMap((group) =>
    listOf(pathOf(group, 'PackageReference')).flatMap((reference) => {
      const name = stringOf(pathOf(reference, '@_Include')) ?? stringOf(pathOf(reference, '@_Update'));
      const version =
        stringOf(pathOf(reference, '@_VersionOverride')) ??
        stringOf(pathOf(reference, '@_Version')) ??
        stringOf(pathOf(reference, 'Version'));
      return name ? [{ name, version }] : [];
    }),
  );
  const frameworkReferences = items.flatMap((group) =>
    listOf(pathOf(group, 'FrameworkReference')).flatMap(
      (reference) => stringOf(pathOf(reference, '@_Include')) ?? [],
    ),
  );
  const sdk = stringOf(project['@_Sdk']) ?? stringOf(pathOf(project, 'Sdk', '@_Name'));
  const outputType = property('OutputType')?.toLowerCase();
  return {
    file,
    sdk,
    targetFramework: property('TargetFramework') ?? property('TargetFrameworks')?.split(';')[0],
    packages,
    frameworkReferences,
    isTestProject:
      property('IsTestProject') === 'true' ||
      /^(MSTest|NUnit|xunit)\.Sdk/i.test(sdk ?? '') ||
      packages.some((p) => TEST_PACKAGES.test(p.name)),
    isExecutable:
      outputType === 'exe' ||
      outputType === 'winexe' ||
      property('IsAspireHost') === 'true' ||
      /^(Microsoft\.NET\.Sdk\.(Web|Worker)|Aspire\.AppHost\.Sdk)\b/.test(sdk ?? ''),
    references: items.flatMap((group) =>
      listOf(pathOf(group, 'ProjectReference')).flatMap((reference) => {
        const include = stringOf(pathOf(reference, '@_Include'));
        if (!include) return [];
        const target = path.posix.normalize(
          path.posix.join(dirnameRelative(file), include.replace(/\\/g, '/')),
        );
        return target.startsWith('../') ? [] : [dirnameRelative(target)];
      }),
    ),
  };
}

/** The target framework Directory.Build.props sets for every project below it, when it sets one. */
export async function readBuildPropsFramework(
  index: RepositoryIndex,
  file: string,
): Promise<string | undefined> {
  const project = pathOf(await index.readParsed(file, 'xml'), 'Project');
  for (const group of listOf(pathOf(project, 'PropertyGroup'))) {
    const value = stringOf(pathOf(group, 'TargetFramework')) ?? stringOf(pathOf(group, 'TargetFrameworks'));
    if (value) return value.split(';')[0];
  }
  return undefined;
}

/** Central package versions from Directory.Packages.props: `<PackageVersion Include="…" Version="…" />`. */
export async function readCentralVersions(
  index: RepositoryIndex,
  file: string,
): Promise<Map<string, string>> {
  const project = pathOf(await index.readParsed(file, 'xml'), 'Project');
  const versions = new Map<string, string>();
  for (const group of listOf(pathOf(project, 'ItemGroup'))) {
    for (const entry of listOf(pathOf(group, 'PackageVersion'))) {
      const name = stringOf(pathOf(entry, '@_Include'));
      const version = stringOf(pathOf(entry, '@_Version'));
      if (name && version) versions.set(name.toLowerCase(), version);
    }
  }
  return versions;
}

/**
 * The project files a solution lists. Classic .sln files are Visual Studio's own text
 * format with no maintained parser: each project is a `Project("{type}") = "Name",
 * "relative\path.csproj", "{guid}"` line. .slnx files are XML.
 */
export async function readSolutionProjects(index: RepositoryIndex, file: string): Promise<string[]> {
  if (file.endsWith('.slnx')) {
    const solution = pathOf(await index.readParsed(file, 'xml'), 'Solution');
    const folders = [solution, ...listOf(pathOf(solution, 'Folder'))];
    return folders.flatMap((folder) =>
      listOf(pathOf(folder, 'Project')).flatMap((entry) => stringOf(pathOf(entry, '@_Path')) ?? []),
    );
  }
  const text = (await index.readText(file)) ?? '';
  return [...text.matchAll(/^Project\("[^"]*"\)\s*=\s*"[^"]*",\s*"([^"]+\.(?:cs|fs|vb)proj)"/gm)].map(
    (match) => (match[1] ?? '').replace(/\\/g, '/'),
  );
}
