import type { TestOutputParser } from './parsed-output.js';
import { parseCargoTestOutput } from './parse-cargo-test-output.js';
import { parseDotnetTestOutput } from './parse-dotnet-test-output.js';
import { parseExunitOutput } from './parse-exunit-output.js';
import { parseGoTestJson } from './parse-go-test-json.js';
import { parseGoTestOutput } from './parse-go-test-output.js';
import { parseGradleOutput } from './parse-gradle-output.js';
import { parseJestOutput } from './parse-jest-output.js';
import { parseMavenOutput } from './parse-maven-output.js';
import { parseMinitestOutput } from './parse-minitest-output.js';
import { parseMochaOutput } from './parse-mocha-output.js';
import { parseNodeTestSpecOutput } from './parse-node-test-spec-output.js';
import { parsePhpunitOutput } from './parse-phpunit-output.js';
import { parsePytestOutput } from './parse-pytest-output.js';
import { parseRspecOutput } from './parse-rspec-output.js';
import { parseTapOutput } from './parse-tap-output.js';
import { parseUnittestOutput } from './parse-unittest-output.js';
import { parseVitestOutput } from './parse-vitest-output.js';

/**
 * Every test-output reader, each recognising its own runner's summary. A
 * command can run several runners (`make test` over a Go and a Python
 * service), so all that recognise something contribute. The go JSON reader
 * comes first and excludes the text one: both describe the same run.
 */
export const TEST_OUTPUT_PARSERS: readonly TestOutputParser[] = [
  { name: 'go-test-json', parse: parseGoTestJson },
  { name: 'go-test', parse: parseGoTestOutput },
  { name: 'node-test-spec', parse: parseNodeTestSpecOutput },
  { name: 'tap', parse: parseTapOutput },
  { name: 'vitest', parse: parseVitestOutput },
  { name: 'jest', parse: parseJestOutput },
  { name: 'mocha', parse: parseMochaOutput },
  { name: 'pytest', parse: parsePytestOutput },
  { name: 'unittest', parse: parseUnittestOutput },
  { name: 'cargo-test', parse: parseCargoTestOutput },
  { name: 'maven', parse: parseMavenOutput },
  { name: 'gradle', parse: parseGradleOutput },
  { name: 'rspec', parse: parseRspecOutput },
  { name: 'minitest', parse: parseMinitestOutput },
  { name: 'phpunit', parse: parsePhpunitOutput },
  { name: 'dotnet-test', parse: parseDotnetTestOutput },
  { name: 'exunit', parse: parseExunitOutput },
];

/** Readers that describe the same run as an earlier one and must not be added to it. */
export const EXCLUDED_AFTER: Readonly<Record<string, readonly string[]>> = {
  'go-test-json': ['go-test'],
};
