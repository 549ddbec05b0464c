import { describe, expect, it } from 'vitest';
import {
  chooseFixedVersion,
  rangeIncludes,
} from '../../../src/handoffs/dependency-review/choose-fixed-version.js';

describe('rangeIncludes', () => {
  it("reads GitHub's advisory ranges", () => {
    expect(rangeIncludes('< 4.17.21', '4.17.20')).toBe(true);
    expect(rangeIncludes('< 4.17.21', '4.17.21')).toBe(false);
    expect(rangeIncludes('>= 2.0.0, < 2.3.1', '2.3.0')).toBe(true);
    expect(rangeIncludes('>= 2.0.0, < 2.3.1', '1.9.9')).toBe(false);
    expect(rangeIncludes('<= 1.0.2', '1.0.2')).toBe(true);
    expect(rangeIncludes('= 1.0.0', '1.0.0')).toBe(true);
  });

  it('reads a constraint written in a manifest as the version it names', () => {
    expect(rangeIncludes('< 4.17.21', '^4.17.20')).toBe(true);
    expect(rangeIncludes('< 2.7.1', '~> 2.7')).toBe(true);
  });

  it('gives no answer for a version it cannot order', () => {
    expect(rangeIncludes('< 4.17.21', 'latest')).toBeUndefined();
  });
});

describe('chooseFixedVersion', () => {
  const twoLines = [
    { ecosystem: 'npm', name: 'lodash', vulnerableRange: '< 3.10.2', firstPatched: '3.10.2' },
    { ecosystem: 'npm', name: 'lodash', vulnerableRange: '>= 4.0.0, < 4.17.21', firstPatched: '4.17.21' },
    { ecosystem: 'npm', name: 'lodash-es', vulnerableRange: '< 4.17.21', firstPatched: '4.17.21' },
  ];

  it('takes the patched version of the release line the version in use is on', () => {
    expect(chooseFixedVersion(twoLines, { name: 'lodash', version: '3.10.1' })).toBe('3.10.2');
    expect(chooseFixedVersion(twoLines, { name: 'lodash', version: '4.17.20' })).toBe('4.17.21');
  });

  it('falls back to the lowest patched version above the one in use when no range contains it', () => {
    const unreadable = twoLines.map((patch) => ({ ...patch, vulnerableRange: null }));
    expect(chooseFixedVersion(unreadable, { name: 'lodash', version: '4.0.1' })).toBe('4.17.21');
  });

  it('matches PyPI names however they are spelled, and knows nothing for a package the advisory does not name', () => {
    const pyyaml = [{ ecosystem: 'pip', name: 'PyYAML', vulnerableRange: '< 5.4', firstPatched: '5.4' }];
    expect(chooseFixedVersion(pyyaml, { name: 'pyyaml', version: '5.3.1' })).toBe('5.4');
    expect(chooseFixedVersion(pyyaml, { name: 'requests', version: '2.0.0' })).toBeUndefined();
  });

  it('knows nothing when the advisory has no patched version', () => {
    const unpatched = [
      { ecosystem: 'npm', name: 'event-stream', vulnerableRange: '= 3.3.6', firstPatched: null },
    ];
    expect(chooseFixedVersion(unpatched, { name: 'event-stream', version: '3.3.6' })).toBeUndefined();
  });
});
