import { XMLParser } from 'fast-xml-parser';
import { declared, sideText, type DeclaredDependency, type ManifestReader } from './manifest-reader.js';
import { asRecord, readRuns, xmlLine } from './read-manifest-lines.js';

const PROJECT = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseTagValue: false,
  parseAttributeValue: false,
});

function collectReferences(node: unknown, found: DeclaredDependency[]): void {
  if (Array.isArray(node)) {
    for (const item of node) collectReferences(item, found);
    return;
  }
  const record = asRecord(node);
  for (const [key, value] of Object.entries(record)) {
    if (key === 'PackageReference' || key === 'PackageVersion' || key === 'GlobalPackageReference') {
      for (const reference of Array.isArray(value) ? value : [value]) {
        const fields = asRecord(reference);
        const name = fields.Include ?? fields.Update;
        const version = fields.Version ?? fields.VersionOverride;
        if (typeof name === 'string') declaredInto(found, name, typeof version === 'string' ? version : null);
      }
    } else if (typeof value === 'object') collectReferences(value, found);
  }
}

function declaredInto(found: DeclaredDependency[], name: string, version: string | null): void {
  found.push(declared(name, version));
}

function readProjectLines(run: { text: string }[]): DeclaredDependency[] {
  const found: DeclaredDependency[] = [];
  let pending: string | undefined;
  for (const line of run) {
    const element = xmlLine(line.text);
    const opening = /<(?:PackageReference|PackageVersion)\s+(?:Include|Update)="([^"]+)"\s*>\s*$/.exec(
      line.text,
    );
    if (opening) pending = opening[1];
    if (
      element &&
      typeof element.value === 'object' &&
      ['PackageReference', 'PackageVersion', 'GlobalPackageReference'].includes(element.name)
    ) {
      const name = element.value.Include ?? element.value.Update;
      const version = element.value.Version ?? element.value.VersionOverride;
      if (typeof name === 'string') found.push(declared(name, typeof version === 'string' ? version : null));
    } else if (element?.name === 'Version' && typeof element.value === 'string' && pending) {
      found.push(declared(pending, element.value));
      pending = undefined;
    }
  }
  return found;
}

/** .NET project files and central package management (`*.csproj`, `Directory.Packages.props`): `PackageReference`/`PackageVersion`. */
export const dotnetProject: ManifestReader = {
  matches: /(^|\/)([^/]+\.(cs|fs|vb)proj|Directory\.Packages\.props|Directory\.Build\.props)$/,
  ecosystem: 'dotnet',
  lockfile: false,
  read(side) {
    if (side.complete && side.lines.length > 0) {
      try {
        const found: DeclaredDependency[] = [];
        collectReferences(PROJECT.parse(sideText(side)), found);
        return found;
      } catch {
        // Fall through to reading line by line.
      }
    }
    return readRuns(side, readProjectLines);
  },
};
