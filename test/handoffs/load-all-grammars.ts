import { beforeAll } from 'vitest';
import { ALL_GRAMMARS } from '../../src/code/syntax/grammar.js';
import { loadGrammars } from '../../src/code/syntax/load-grammars.js';

// The rules read syntax trees; the pipeline loads the grammars a PR needs before they run.
beforeAll(() => loadGrammars(ALL_GRAMMARS));
