import { XMLParser } from 'fast-xml-parser';
import type { TestFailure } from '../validation-result.js';
import { findSourceLocation } from './failure-location.js';
import type { ParsedTests } from './parsed-output.js';

type XmlNode = Record<string, unknown>;

const xml = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseAttributeValue: false,
  parseTagValue: false,
  htmlEntities: true,
  isArray: (name, _path, _leaf, isAttribute) => !isAttribute && name === 'UnitTestResult',
});

const FAILED_OUTCOMES = new Set(['Failed', 'Error', 'Timeout', 'Aborted']);

/**
 * Read a Visual Studio test results file (`dotnet test --logger trx`, written
 * to `TestResults/*.trx`). Returns null when the text is not a TRX file.
 */
export function parseTrxReport(text: string, reportPath = 'report.trx'): ParsedTests | null {
  let document: XmlNode;
  try {
    document = xml.parse(text) as XmlNode;
  } catch {
    return null;
  }
  const run = asNode(document.TestRun);
  if (!run) return null;
  const results = asNodeList(asNode(run.Results)?.UnitTestResult);
  const parsed: ParsedTests = {
    counts: { passed: 0, failed: 0, skipped: 0 },
    failures: [],
    parsedFrom: `TRX: ${reportPath}`,
  };
  for (const result of results) {
    const outcome = typeof result.outcome === 'string' ? result.outcome : '';
    if (outcome === 'Passed') parsed.counts.passed += 1;
    else if (FAILED_OUTCOMES.has(outcome)) {
      parsed.counts.failed += 1;
      parsed.failures.push(toFailure(result));
    } else parsed.counts.skipped += 1;
  }
  return parsed;
}

function toFailure(result: XmlNode): TestFailure {
  const name = typeof result.testName === 'string' ? result.testName : 'unnamed test';
  const errorInfo = asNode(asNode(result.Output)?.ErrorInfo);
  const message = textOf(errorInfo?.Message).trim();
  // `at Ns.Class.Method() in /src/Tests/ClassTests.cs:line 14`
  const location = findSourceLocation(textOf(errorInfo?.StackTrace));
  return { name, ...(message ? { message } : {}), ...(location ?? {}) };
}

function asNode(value: unknown): XmlNode | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as XmlNode)
    : undefined;
}

function asNodeList(value: unknown): XmlNode[] {
  return Array.isArray(value) ? value.map((item) => asNode(item) ?? {}) : [];
}

function textOf(value: unknown): string {
  if (typeof value === 'string') return value;
  const node = asNode(value);
  return node && typeof node['#text'] === 'string' ? node['#text'] : '';
}
