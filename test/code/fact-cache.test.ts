import { beforeAll, describe, expect, it } from 'vitest';
import { createFactCache } from '../../src/code/fact-cache.js';
import { loadGrammars } from '../../src/code/syntax/load-grammars.js';

const source = {
  path: 'app/routes.py',
  text: 'import os\n\n\ndef handler():\n    return os.environ["TOKEN"]\n',
  grammar: 'python' as const,
};

beforeAll(async () => {
  await loadGrammars(['python', 'javascript']);
});

describe('createFactCache', () => {
  it('reads an expected reader from the tree another reader parsed: one parse for both', () => {
    const cache = createFactCache();
    let viewReads = 0;
    cache.expect('view', source, (root) => {
      viewReads++;
      return root.namedChildCount;
    });
    expect(cache.read('routes', source, (root) => root.type)).toBe('module');
    expect(viewReads).toBe(1);
    expect(cache.read('view', source, () => -1)).toBe(2);
    expect(cache.parsedFiles()).toBe(1);
  });

  it('parses again for an expected reader whose file changed, or whose grammar differs', () => {
    const cache = createFactCache();
    cache.expect('view', { ...source, text: `${source.text}# edited\n` }, () => 'stale');
    cache.expect('other', { ...source, grammar: 'javascript' }, () => 'wrong grammar');
    cache.read('routes', source, (root) => root.type);
    expect(cache.read('view', source, () => 'own parse')).toBe('own parse');
    expect(cache.read('other', source, () => 'own parse')).toBe('own parse');
    expect(cache.parsedFiles()).toBe(3);
  });

  it('does not wait for a file parsed before the expectation: the reader parses it when asked', () => {
    const cache = createFactCache();
    cache.read('routes', source, (root) => root.type);
    cache.expect('view', source, () => 'from the first parse');
    expect(cache.read('view', source, () => 'asked')).toBe('asked');
    expect(cache.parsedFiles()).toBe(2);
  });
});
