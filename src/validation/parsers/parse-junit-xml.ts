import { XMLParser } from 'fast-xml-parser';
import type { TestFailure } from '../validation-result.js';
import { findSourceLocation, pathsMatch } from './failure-location.js';
import type { ParsedTests } from './parsed-output.js';

type XmlNode = Record<string, unknown>;

const REPEATED = new Set(['testsuite', 'testcase', 'failure', 'error', 'skipped', 'properties']);

const xml = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseAttributeValue: false,
  parseTagValue: false,
  // `&#10;` in failure messages (pytest writes them) is a numeric entity.
  htmlEntities: true,
  isArray: (name, _path, _leaf, isAttribute) => !isAttribute && REPEATED.has(name),
});

/**
 * Read a JUnit XML report (Surefire, Gradle, pytest, Jest/Vitest junit
 * reporters, go-junit-report, PHPUnit, ExUnit formatters): counts from the
 * test cases themselves, one failure per failed or errored case.
 * Returns null when the text is not a JUnit report.
 */
export function parseJUnitXml(text: string, reportPath = 'report'): ParsedTests | null {
  let document: XmlNode;
  try {
    document = xml.parse(text) as XmlNode;
  } catch {
    return null;
  }
  const root = (document.testsuites ?? document) as XmlNode;
  const suites = asNodes(root.testsuite);
  if (suites.length === 0) return null;
  const result: ParsedTests = {
    counts: { passed: 0, failed: 0, skipped: 0 },
    failures: [],
    parsedFrom: `JUnit XML: ${reportPath}`,
  };
  for (const suite of suites) readSuite(suite, result);
  return result;
}

function readSuite(suite: XmlNode, result: ParsedTests): void {
  // PHPUnit and some Mocha reporters nest suites inside suites.
  for (const nested of asNodes(suite.testsuite)) readSuite(nested, result);
  const suiteFile = attribute(suite, 'file');
  for (const testCase of asNodes(suite.testcase)) {
    const problems = [...asNodes(testCase.failure), ...asNodes(testCase.error)];
    if (problems.length > 0) {
      result.counts.failed += 1;
      result.failures.push(toFailure(testCase, problems[0] ?? {}, suiteFile));
    } else if (testCase.skipped !== undefined) {
      result.counts.skipped += 1;
    } else {
      result.counts.passed += 1;
    }
  }
}

function toFailure(testCase: XmlNode, problem: XmlNode, suiteFile: string | undefined): TestFailure {
  const className = attribute(testCase, 'classname');
  const name = attribute(testCase, 'name') ?? 'unnamed test';
  const body = typeof problem['#text'] === 'string' ? problem['#text'] : '';
  const message = (
    attribute(problem, 'message') ??
    firstMessageLine(body, name) ??
    attribute(problem, 'type') ??
    ''
  ).trim();
  const failure: TestFailure = {
    name: className && !name.includes(className) ? `${className} › ${name}` : name,
  };
  if (message) failure.message = message;
  return { ...failure, ...locate(testCase, body, className, suiteFile) };
}

/**
 * Where the test failed: a Java frame of the test class, else a frame in the
 * file the report names (PHPUnit gives the declaration line; the frame has the
 * failing one), else the declared file and line, else any project frame.
 */
function locate(
  testCase: XmlNode,
  body: string,
  className: string | undefined,
  suiteFile: string | undefined,
): { file?: string; line?: number } {
  const javaFrame = findJavaFrame(body, className);
  if (javaFrame) return javaFrame;
  const declaredFile = attribute(testCase, 'file') ?? suiteFile;
  const declaredLine = Number(attribute(testCase, 'line'));
  const frame = findSourceLocation(body, declaredFile ?? classNameAsPath(className));
  if (frame && declaredFile && pathsMatch(frame.file, declaredFile)) return frame;
  if (declaredFile && Number.isInteger(declaredLine) && declaredLine > 0)
    return { file: declaredFile, line: declaredLine };
  return frame ?? (declaredFile ? { file: declaredFile } : {});
}

/** `at com.acme.FooTest.adds(FooTest.java:12)` → `com/acme/FooTest.java:12`: the package gives the folders. */
function findJavaFrame(
  body: string,
  className: string | undefined,
): { file: string; line: number } | undefined {
  if (!className || !/^[\w$.]+$/.test(className)) return undefined;
  const escaped = className.replace(/[.$]/g, '\\$&');
  const frame = new RegExp(
    `at ${escaped}(?:\\$[\\w$]+)?\\.[\\w$<>]+\\(([\\w$]+\\.(?:java|kt|groovy|scala)):(\\d+)\\)`,
  ).exec(body);
  if (!frame?.[1] || !frame[2]) return undefined;
  const folders = className.split('.').slice(0, -1);
  return { file: [...folders, frame[1]].join('/'), line: Number(frame[2]) };
}

/** Vitest and some Jest reporters put the test file in `classname`; a frame in that file is preferred. */
function classNameAsPath(className: string | undefined): string | undefined {
  if (!className) return undefined;
  return /[\\/]|\.(?:[cm]?[jt]sx?|py|rb|php|go|rs|exs?)$/.test(className) ? className : undefined;
}

function asNodes(value: unknown): XmlNode[] {
  const list = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return list.map((item) => (typeof item === 'object' && item !== null ? (item as XmlNode) : {}));
}

function attribute(node: XmlNode, name: string): string | undefined {
  const value = node[name];
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

/** The first line of a failure body that says something; PHPUnit starts the body with the test's own name. */
function firstMessageLine(body: string, testName: string): string | undefined {
  return body.split('\n').find((line) => line.trim().length > 0 && !line.trim().endsWith(`::${testName}`));
}
