import { XMLParser } from 'fast-xml-parser';
import { parse as parseToml } from 'smol-toml';
import type { DiffLine } from '../../code/diff/changed-file.js';
import type { FileSide } from '../../code/file-change.js';
import { forEachRun, sideText } from './manifest-reader.js';

/** One `key = value` TOML line parsed by the TOML parser, or undefined for anything else. */
export function tomlLine(text: string): [string, unknown] | undefined {
  const trimmed = text.trim();
  if (trimmed === '' || trimmed.startsWith('#') || trimmed.startsWith('[')) return undefined;
  try {
    return Object.entries(parseToml(trimmed))[0];
  } catch {
    return undefined;
  }
}

/** The string of a line that is one element of a multi-line TOML array (`"fastapi>=0.110",`). */
export function tomlArrayItem(text: string): string | undefined {
  const trimmed = text.trim().replace(/,$/, '');
  if (!/^["']/.test(trimmed)) return undefined;
  try {
    const value = parseToml(`item = ${trimmed}`).item;
    return typeof value === 'string' ? value : undefined;
  } catch {
    return undefined;
  }
}

/** A `[section]` or `[[section]]` header's name. */
export function tomlSection(text: string): string | undefined {
  return /^\s*\[\[?\s*([^\]]+?)\s*\]\]?\s*(#.*)?$/.exec(text)?.[1]?.replace(/\s+/g, '');
}

/** Parses a whole TOML side; undefined when it is not the whole file or does not parse. */
export function parseTomlSide(side: FileSide): Record<string, unknown> | undefined {
  if (!side.complete) return undefined;
  try {
    return parseToml(sideText(side));
  } catch {
    return undefined;
  }
}

const ELEMENT_PARSER = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseTagValue: false,
});

/** One line holding a single XML element (`<version>1.2</version>`, `<PackageReference Include="x" Version="1" />`), parsed. */
export function xmlLine(text: string): { name: string; value: Record<string, unknown> | string } | undefined {
  const trimmed = text.trim();
  if (!/^<[A-Za-z]/.test(trimmed) || !/(\/>|<\/[\w.:-]+>)$/.test(trimmed)) return undefined;
  try {
    const parsed = ELEMENT_PARSER.parse(trimmed) as Record<string, unknown>;
    const [name, value] = Object.entries(parsed)[0] ?? [];
    if (!name || (typeof value !== 'string' && (typeof value !== 'object' || value === null)))
      return undefined;
    return { name, value: value as Record<string, unknown> | string };
  } catch {
    return undefined;
  }
}

/** Runs a line reader over each hunk (or the whole file) separately, so that state never crosses a gap. */
export function readRuns<T>(side: FileSide, read: (run: DiffLine[]) => T[]): T[] {
  const found: T[] = [];
  forEachRun(side.lines, (run) => found.push(...read(run)));
  return found;
}

export const asRecord = (value: unknown): Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
