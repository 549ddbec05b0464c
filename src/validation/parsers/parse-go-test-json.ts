import type { ParsedTests } from './parsed-output.js';
import { type GoTestRecord, tallyGoTests } from './go-test-tally.js';

interface GoTestEvent {
  Action?: string;
  Package?: string;
  Test?: string;
  Output?: string;
}

/**
 * Read `go test -json` (test2json) events: one JSON object per line. Lines that
 * are not JSON (build errors go to stderr as text) are ignored.
 * Returns null when no test event is found.
 */
export function parseGoTestJson(text: string): ParsedTests | null {
  const outputs = new Map<string, string[]>();
  const records: GoTestRecord[] = [];
  const failedPackages = new Map<string, string[]>();
  for (const event of readEvents(text)) {
    const key = `${event.Package ?? ''}\u0000${event.Test ?? ''}`;
    if (event.Action === 'output' && event.Output !== undefined)
      outputs.set(key, [...(outputs.get(key) ?? []), event.Output.replace(/\n$/, '')]);
    if (event.Action !== 'pass' && event.Action !== 'fail' && event.Action !== 'skip') continue;
    if (event.Test)
      records.push({
        package: event.Package,
        test: event.Test,
        status: event.Action,
        output: outputs.get(key) ?? [],
      });
    else if (event.Action === 'fail' && event.Package)
      failedPackages.set(event.Package, outputs.get(key) ?? []);
  }
  if (records.length === 0 && failedPackages.size === 0) return null;
  const result = tallyGoTests(records, 'go test -json output');
  for (const [packagePath, output] of failedPackages) {
    // A package that failed with no failing test did not build or panicked outside a test.
    if (records.some((record) => record.package === packagePath && record.status === 'fail')) continue;
    result.counts.failed += 1;
    const message =
      output.find((line) => /panic:|build failed|cannot|undefined/.test(line)) ??
      'package failed outside any test';
    result.failures.push({ name: packagePath, message: message.trim() });
  }
  return result;
}

function readEvents(text: string): GoTestEvent[] {
  const events: GoTestEvent[] = [];
  for (const line of text.split('\n')) {
    if (!line.startsWith('{')) continue;
    try {
      const value: unknown = JSON.parse(line);
      if (typeof value === 'object' && value !== null && 'Action' in value) events.push(value as GoTestEvent);
    } catch {
      // Not an event: text interleaved with the JSON stream.
    }
  }
  return events;
}
