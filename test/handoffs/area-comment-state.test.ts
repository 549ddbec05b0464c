import { describe, expect, it } from 'vitest';
import {
  advanceAreaState,
  readAreaState,
  renderAreaState,
  type TrackedFinding,
} from '../../src/handoffs/area-comment-state.js';

const finding = (fingerprint: string, overrides: Partial<TrackedFinding> = {}): TrackedFinding => ({
  fingerprint,
  severity: 'high',
  ruleId: 'security/sql-string-building',
  file: 'src/db.js',
  line: 7,
  title: 'SQL built from request input',
  ...overrides,
});

describe('the state an area comment carries between runs', () => {
  it('round-trips through one hidden line that file names cannot break out of', () => {
    const state = {
      open: [finding('a1', { file: 'src/--><script>.js', title: 'x --> y' })],
      resolved: [finding('b2', { resolvedAt: 'c'.repeat(40) })],
    };
    const line = renderAreaState(state);
    expect(line).toMatch(/^<!-- backend-developer:findings [A-Za-z0-9+/=]+ -->$/);
    expect(line).not.toContain('<script>');
    expect(readAreaState(`<!-- backend-developer:review:security -->\n${line}\n## Security`)).toEqual(state);
  });

  it('reads nothing from a comment without the line, or with a damaged one', () => {
    expect(readAreaState('<!-- backend-developer:review:security -->\n## Security')).toBeUndefined();
    expect(readAreaState('<!-- backend-developer:findings bm90IGpzb24= -->')).toBeUndefined();
  });

  it('moves what the last commit had and this one lacks to resolved, and names what is new', () => {
    const previous = {
      open: [finding('a1'), finding('b2')],
      resolved: [finding('old', { resolvedAt: 'f'.repeat(40) })],
    };
    const change = advanceAreaState(previous, [finding('a1'), finding('c3')], 'd'.repeat(40));
    expect(change.state.open.map((f) => f.fingerprint)).toEqual(['a1', 'c3']);
    expect(change.state.resolved.map((f) => [f.fingerprint, f.resolvedAt?.[0]])).toEqual([
      ['b2', 'd'],
      ['old', 'f'],
    ]);
    expect([...change.newSinceLastRun]).toEqual(['c3']);
  });

  it('takes a finding that comes back out of resolved, and counts everything as new without a previous state', () => {
    const previous = { open: [], resolved: [finding('a1', { resolvedAt: 'f'.repeat(40) })] };
    const change = advanceAreaState(previous, [finding('a1')], 'd'.repeat(40));
    expect(change.state.resolved).toEqual([]);
    expect([
      ...advanceAreaState(undefined, [finding('a1'), finding('b2')], 'd'.repeat(40)).newSinceLastRun,
    ]).toEqual(['a1', 'b2']);
  });
});
