import { parse as parseProperties } from 'dot-properties';
import { parse as parseDotenv } from 'dotenv';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { parse as parseTomlText } from 'smol-toml';
import { parse as parseYamlText, parseAllDocuments } from 'yaml';

export type StructuredFormat =
  | 'json'
  | 'jsonc'
  | 'toml'
  | 'yaml'
  /** A YAML stream of `---`-separated documents (Spring profiles): an array of them. */
  | 'yaml-documents'
  | 'xml'
  | 'properties'
  | 'dotenv';

export type ParseOutcome = { ok: true; value: unknown } | { ok: false; message: string };

// Attributes keep their names with an `@_` prefix; values stay strings so "1.10" never becomes 1.1.
const xmlParser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  processEntities: false,
});

/**
 * Parses JSON, JSON with trailing commas and comments (bun.lock), TOML, YAML, XML, Java
 * `.properties` or `.env` files with the maintained libraries, and turns a failure into a message a user can act on
 * ("invalid JSON at line 3: Expected double-quoted property name").
 */
export function parseStructuredText(text: string, format: StructuredFormat): ParseOutcome {
  try {
    switch (format) {
      case 'json':
        return parseJson(text, text);
      case 'jsonc':
        return parseJson(stripJsonComments(text), text);
      case 'toml':
        return { ok: true, value: parseTomlText(text) };
      case 'yaml':
        return { ok: true, value: parseYamlText(text, { uniqueKeys: false, maxAliasCount: 1000 }) ?? {} };
      case 'yaml-documents':
        return parseYamlDocuments(text);
      case 'xml':
        return parseXml(text);
      // Both read any text: a line that is not `key=value` is passed over, as Java and dotenv do.
      case 'properties':
        return { ok: true, value: parseProperties(text) };
      case 'dotenv':
        return { ok: true, value: parseDotenv(text) };
    }
  } catch (error) {
    return { ok: false, message: describeFailure(format, error) };
  }
}

function parseJson(cleaned: string, original: string): ParseOutcome {
  try {
    return { ok: true, value: JSON.parse(cleaned) };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    // V8 reports "... in JSON at position N" (Node 24 adds "(line L column C)"); report one stable form.
    const position = /at position (\d+)/.exec(message);
    const offset = position?.[1] ? Number(position[1]) : original.length;
    const reason = message.replace(/ in JSON at position.*$/s, '').replace(/ \(line \d+ column \d+\)$/, '');
    return { ok: false, message: `invalid JSON at line ${lineAt(original, offset)}: ${reason}` };
  }
}

function parseYamlDocuments(text: string): ParseOutcome {
  const documents = parseAllDocuments(text, { uniqueKeys: false });
  const list = Array.isArray(documents) ? documents : [];
  const error = list.flatMap((document) => document.errors)[0];
  if (error) return { ok: false, message: describeFailure('yaml', error) };
  return { ok: true, value: list.map((document) => document.toJS({ maxAliasCount: 1000 }) as unknown) };
}

function parseXml(text: string): ParseOutcome {
  const validation = XMLValidator.validate(text);
  if (validation !== true) {
    return { ok: false, message: `invalid XML at line ${validation.err.line}: ${validation.err.msg}` };
  }
  const undefinedEntity = findUndefinedEntity(text);
  if (undefinedEntity) {
    return {
      ok: false,
      message: `invalid XML at line ${undefinedEntity.line}: entity '&${undefinedEntity.name};' is not defined`,
    };
  }
  return { ok: true, value: xmlParser.parse(text) as unknown };
}

const PREDEFINED_ENTITIES = new Set(['lt', 'gt', 'amp', 'apos', 'quot']);

/**
 * A reference to an entity the document never declares (`&foo;`): not well-formed XML, and
 * MSBuild and Maven refuse the file, but the validator lets it through. Comments and CDATA
 * sections are blanked first (newlines kept, so the line stays true).
 */
function findUndefinedEntity(text: string): { name: string; line: number } | undefined {
  if (!text.includes('&')) return undefined;
  const visible = text.replace(/<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>/g, (hidden) =>
    hidden.replace(/[^\n]/g, ' '),
  );
  const declared = new Set([...visible.matchAll(/<!ENTITY\s+%?\s*([\w.:-]+)/g)].map((match) => match[1]));
  for (const match of visible.matchAll(/&([A-Za-z_:][\w.:-]*);/g)) {
    const name = match[1] ?? '';
    if (!PREDEFINED_ENTITIES.has(name) && !declared.has(name))
      return { name, line: lineAt(visible, match.index ?? 0) };
  }
  return undefined;
}

function describeFailure(format: StructuredFormat, error: unknown): string {
  const label = format === 'yaml-documents' ? 'YAML' : format.toUpperCase();
  if (error instanceof Error) {
    const located = error as Error & { line?: number; linePos?: Array<{ line: number }> };
    const line = located.line ?? located.linePos?.[0]?.line;
    const reason = (error.message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '');
    return line === undefined ? `invalid ${label}: ${reason}` : `invalid ${label} at line ${line}: ${reason}`;
  }
  return `invalid ${label}: ${String(error)}`;
}

function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/**
 * Blanks `//` and `/* *\/` comments, then trailing commas, outside strings. Removed
 * characters become spaces (newlines stay) so reported lines stay true.
 */
function stripJsonComments(text: string): string {
  const out = text.split('');
  forEachCodeCharacter(out, (i) => {
    if (out[i] === '/' && out[i + 1] === '/') {
      let j = i;
      while (j < out.length && out[j] !== '\n') out[j++] = ' ';
      return j - 1;
    }
    if (out[i] === '/' && out[i + 1] === '*') {
      let j = i;
      while (j < out.length && !(out[j] === '*' && out[j + 1] === '/')) {
        if (out[j] !== '\n') out[j] = ' ';
        j++;
      }
      if (j < out.length) out[j] = out[j + 1] = ' ';
      return j + 1;
    }
    return i;
  });
  forEachCodeCharacter(out, (i) => {
    if (out[i] !== ',') return i;
    let j = i + 1;
    while (j < out.length && /\s/.test(out[j] ?? '')) j++;
    if (out[j] === '}' || out[j] === ']') out[i] = ' ';
    return i;
  });
  return out.join('');
}

/** Calls `visit` on each character outside a JSON string; `visit` returns the last index it consumed. */
function forEachCodeCharacter(chars: string[], visit: (index: number) => number): void {
  let inString = false;
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i];
    if (inString) {
      if (ch === '\\') i++;
      else if (ch === '"') inString = false;
    } else if (ch === '"') inString = true;
    else i = visit(i);
  }
}
