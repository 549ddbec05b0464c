import { describe, expect, it } from 'vitest';
import { describeElapsed, LiveCommandLog } from '../../src/validation/live-command-log.js';
import { LineSplitter } from '../../src/validation/line-splitter.js';
import { StreamRedactor } from '../../src/validation/stream-redactor.js';
import type { ValidationLog } from '../../src/validation/validation-log.js';

function recorder(): ValidationLog & { lines: string[] } {
  const lines: string[] = [];
  return {
    lines,
    startGroup: (title) => lines.push(`[start ${title}]`),
    endGroup: () => lines.push('[end]'),
    write: (text) => lines.push(text.replace(/\n$/, '')),
    status: (text) => lines.push(`[status ${text}]`),
  };
}

describe('LiveCommandLog', () => {
  it('writes the first command live and keeps a parallel one’s lines until the first group closes', () => {
    const log = recorder();
    const live = new LiveCommandLog(log, { showsOutput: true });
    const one = live.open('one: test');
    const two = live.open('two: test');
    one.line('one says 1');
    two.line('two says 1');
    expect(log.lines).toEqual(['[start one: test]', 'one says 1']);
    live.note('three: install not run: no install command');
    two.line('two says 2');
    one.close('→ one: passed');
    two.close('→ two: failed');
    expect(log.lines).toEqual([
      '[start one: test]',
      'one says 1',
      '[status → one: passed]',
      '[end]',
      '[start two: test]',
      'two says 1',
      'two says 2',
      '[status → two: failed]',
      '[end]',
      'three: install not run: no install command',
    ]);
  });

  it('says "still running" for a command that printed nothing for a heartbeat', async () => {
    const log = recorder();
    const live = new LiveCommandLog(log, { showsOutput: true, heartbeatMs: 200 });
    const quiet = live.open('api: test · npm test');
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    quiet.close('→ done');
    const beats = log.lines.filter((line) =>
      line.startsWith('[status still running: api: test · npm test ('),
    );
    expect(beats.length).toBeGreaterThanOrEqual(1);
  });

  it('writes the elapsed time as a person would', () => {
    expect(describeElapsed(45_000)).toBe('45s');
    expect(describeElapsed(90_000)).toBe('1m30s');
    expect(describeElapsed(725_000)).toBe('12m05s');
  });
});

describe('LineSplitter', () => {
  it('emits whole lines across chunks, keeps what a terminal shows after a carriage return, and flushes the rest', () => {
    const lines: string[] = [];
    const splitter = new LineSplitter((line) => lines.push(line));
    splitter.write(Buffer.from('first li'));
    splitter.write(Buffer.from('ne\r\nprogress 10%\rprogress 100%\nlast'));
    expect(lines).toEqual(['first line', 'progress 100%']);
    splitter.end();
    expect(lines).toEqual(['first line', 'progress 100%', 'last']);
  });
});

describe('StreamRedactor', () => {
  it('hides every line of a private key printed over many lines, and nothing after it', () => {
    const redactor = new StreamRedactor((text) => text.replace(/-----BEGIN RSA PRIVATE KEY-----.*/, '***'));
    const shown = [
      'loading key',
      '-----BEGIN RSA PRIVATE KEY-----',
      'MIIEowIBAAKCAQEAx1',
      'q8u1Zk3lY',
      '-----END RSA PRIVATE KEY-----',
      'tests start',
    ].map((line) => redactor.line(line));
    expect(shown).toEqual([
      'loading key',
      '***',
      '***',
      '***',
      '-----END RSA PRIVATE KEY-----',
      'tests start',
    ]);
  });
});
