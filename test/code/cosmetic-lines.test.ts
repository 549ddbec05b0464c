import { describe, expect, it } from 'vitest';
import { findCosmeticLines, layoutFree } from '../../src/code/cosmetic-lines.js';
import { addedFile, modifiedFile, removedFile } from '../handoffs/fixture-changes.js';

describe('findCosmeticLines', () => {
  it('calls an edit formatting when its old and new lines are the same code laid out anew', () => {
    const change = modifiedFile(
      'app/orders.py',
      [
        '@@ -3 +3 @@',
        ' def total(items):',
        '-    return sum([i.price for i in items], start = 0)',
        '+    return sum(',
        '+        [i.price for i in items],',
        '+        start=0,',
        '+    )',
        ' ',
        '@@ -9 +12 @@',
        ' def tax(amount):',
        '-    return amount * 0.2',
        '+    return amount * RATE',
      ].join('\n'),
    );
    const lines = findCosmeticLines([change]).get('app/orders.py');
    expect([...(lines ?? [])]).toEqual([
      [4, 'formatting'],
      [5, 'formatting'],
      [6, 'formatting'],
      [7, 'formatting'],
    ]);
  });

  it('calls lines moved from another file moved, each removed line accounting for one added line', () => {
    const body = [
      'export function total(items) {',
      '  return items.reduce((sum, item) => sum + item.price, 0);',
      '}',
    ];
    const changes = [
      removedFile('src/old/total.js', body.join('\n')),
      addedFile(
        'src/total.js',
        [
          ...body,
          '',
          'export function total2(items) {',
          '  return items.reduce((sum, item) => sum + item.price, 0);',
          '}',
        ].join('\n'),
      ),
    ];
    const lines = findCosmeticLines(changes).get('src/total.js');
    // The second copy is new code: only one copy was removed. `}` is too short to say where it came from.
    expect([...(lines ?? [])]).toEqual([
      [1, 'moved'],
      [2, 'moved'],
    ]);
  });

  it('calls re-indented lines moved when the edit also adds code around them', () => {
    const change = modifiedFile(
      'src/Job.java',
      [
        '@@ -10 +10 @@',
        '-    e.printStackTrace();',
        '+    if (verbose) {',
        '+        e.printStackTrace();',
        '+    }',
      ].join('\n'),
    );
    expect([...(findCosmeticLines([change]).get('src/Job.java') ?? [])]).toEqual([[11, 'moved']]);
  });

  it('leaves new code alone', () => {
    const change = modifiedFile(
      'src/a.ts',
      ['@@ -1 +1 @@', '-const limit = 10;', '+const limit = 50;'].join('\n'),
    );
    expect(findCosmeticLines([change]).get('src/a.ts')).toBeUndefined();
  });

  it('takes out whitespace, quote kinds, semicolons and trailing commas, nothing else', () => {
    expect(layoutFree('call( \'a\', "b", );')).toBe(layoutFree('call("a","b")'));
    expect(layoutFree('call(a, b)')).not.toBe(layoutFree('call(b, a)'));
  });
});
