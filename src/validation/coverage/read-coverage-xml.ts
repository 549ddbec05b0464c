import { XMLParser } from 'fast-xml-parser';
import { recordHits, type CoverageData } from './line-hits.js';

type XmlNode = Record<string, unknown>;

const REPEATED = new Set(['source', 'package', 'class', 'line', 'sourcefile', 'file', 'project']);
const xml = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseAttributeValue: false,
  parseTagValue: false,
  // JaCoCo reports name a DTD; nothing is fetched, the declaration is skipped.
  processEntities: false,
  isArray: (name, _path, _leaf, isAttribute) => !isAttribute && REPEATED.has(name),
});

function nodes(value: unknown): XmlNode[] {
  if (Array.isArray(value)) return value.filter((v): v is XmlNode => typeof v === 'object' && v !== null);
  return typeof value === 'object' && value !== null ? [value as XmlNode] : [];
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '';
}

/**
 * Reads the XML coverage formats: Cobertura (coverage.py, .NET coverlet, Gradle and Jest
 * plugins), JaCoCo (Maven and Gradle), and Clover (PHPUnit). Null for any other XML.
 */
export function readCoverageXml(content: string): CoverageData | null {
  let document: XmlNode;
  try {
    document = xml.parse(content) as XmlNode;
  } catch {
    return null;
  }
  const report = nodes(document.report)[0];
  if (report) return readJacoco(report);
  const coverage = nodes(document.coverage)[0];
  if (!coverage) return null;
  if (coverage.project !== undefined) return readClover(coverage);
  if (coverage.packages !== undefined || coverage['line-rate'] !== undefined) return readCobertura(coverage);
  return null;
}

/** `<coverage><sources><source>…</source></sources><packages><package><classes><class filename=…><lines><line number hits>`. */
function readCobertura(coverage: XmlNode): CoverageData {
  const files = new Map<string, Map<number, number>>();
  const sources = nodes((coverage.sources as XmlNode | undefined)?.source).map(text);
  const sourceRoots =
    sources.length > 0 ? sources : [text((coverage.sources as XmlNode | undefined)?.source)];
  for (const pkg of nodes((coverage.packages as XmlNode | undefined)?.package)) {
    for (const cls of nodes((pkg.classes as XmlNode | undefined)?.class)) {
      const filename = text(cls.filename);
      if (!filename) continue;
      // The first <source> is where coverage.py and coverlet say the file names start.
      const root = sourceRoots.find(Boolean);
      const name = root && !filename.startsWith('/') ? `${root.replace(/\/+$/, '')}/${filename}` : filename;
      for (const line of nodes((cls.lines as XmlNode | undefined)?.line))
        recordHits(files, name, Number(line.number), Number(line.hits));
    }
  }
  return { format: 'Cobertura XML', files };
}

/** `<report><package name="com/acme"><sourcefile name="Foo.java"><line nr mi ci>`: covered when ci > 0. */
function readJacoco(report: XmlNode): CoverageData {
  const files = new Map<string, Map<number, number>>();
  for (const pkg of nodes(report.package)) {
    const dir = text(pkg.name);
    for (const source of nodes(pkg.sourcefile)) {
      const name = dir ? `${dir}/${text(source.name)}` : text(source.name);
      for (const line of nodes(source.line)) {
        if (Number(line.mi) + Number(line.ci) === 0) continue;
        recordHits(files, name, Number(line.nr), Number(line.ci));
      }
    }
  }
  return { format: 'JaCoCo XML', files };
}

/** `<coverage><project><file name=…><line num count type="stmt">` (also inside `<package>`). */
function readClover(coverage: XmlNode): CoverageData {
  const files = new Map<string, Map<number, number>>();
  for (const project of nodes(coverage.project)) {
    const all = [...nodes(project.file), ...nodes(project.package).flatMap((pkg) => nodes(pkg.file))];
    for (const file of all) {
      const name = text(file.path) || text(file.name);
      for (const line of nodes(file.line)) {
        if (text(line.type) !== 'stmt' && text(line.type) !== 'cond') continue;
        const hits =
          line.count !== undefined ? Number(line.count) : Number(line.truecount) + Number(line.falsecount);
        recordHits(files, name, Number(line.num), hits);
      }
    }
  }
  return { format: 'Clover XML', files };
}
