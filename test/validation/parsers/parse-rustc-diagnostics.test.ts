import { describe, expect, it } from 'vitest';
import { parseRustcDiagnostics } from '../../../src/validation/parsers/parse-rustc-diagnostics.js';
import { readOutput } from '../validation-test-kit.js';

describe('parseRustcDiagnostics', () => {
  it('reads Clippy warnings with their lint names and skips the summary lines', () => {
    const result = parseRustcDiagnostics(readOutput('clippy.txt'));
    expect(result).toMatchObject({ errors: 0, warnings: 4 });
    expect(result?.issues.map(({ rule, line }) => ({ rule, line }))).toEqual([
      { rule: 'unused_variables', line: 2 },
      { rule: 'clippy::needless_return', line: 3 },
      { rule: 'clippy::needless_return', line: 3 },
      { rule: 'clippy::if_same_then_else', line: 3 },
    ]);
  });

  it('reads -D warnings runs as errors', () => {
    const result = parseRustcDiagnostics(readOutput('clippy-deny.txt'));
    expect(result).toMatchObject({ errors: 4, warnings: 0 });
    expect(result?.issues[0]).toMatchObject({ file: 'src/lib.rs', line: 2 });
  });
});
