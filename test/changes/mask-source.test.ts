import { describe, expect, it } from 'vitest';
import { maskSource, type CodeSyntax } from '../../src/changes/source/mask-source.js';

function strings(text: string, syntax: CodeSyntax): string[] {
  return maskSource(text, syntax).strings.map((span) => text.slice(span.start, span.end));
}

describe('masking comments and strings', () => {
  it('blanks comments and string contents, keeping quotes, newlines and length', () => {
    const text = "app.get('/a', h); // app.get('/b')\n/* app.post('/c') */ x";
    const { masked } = maskSource(text, 'javascript');
    expect(masked).toHaveLength(text.length);
    expect(masked).toBe(`app.get('  ', h); ${' '.repeat(16)}\n${' '.repeat(20)} x`);
  });

  it.each<[CodeSyntax, string, string[]]>([
    ['python', 'x = """a\n"b"""\ny = \'c\' # "not a string"', ['a\n"b', 'c']],
    ['rust', 'fn f<\'a>(s: &\'a str) -> char { let c = \'x\'; r#"raw "q""#; "s" }', ['raw "q"', 's']],
    ['csharp', 'var p = @"C:\\dir\\"; var q = "a\\"b";', ['C:\\dir\\', 'a\\"b']],
    ['go', 'r.GET(`/raw\\`, h) // "comment"', ['/raw\\']],
    ['php', "#[Route('/x')]\n# comment 'no'\n$a = 'y';", ['/x', 'y']],
    ['ruby', "get 'a' # 'b'\nput \"c\"", ['a', 'c']],
  ])('reads the string literals of %s', (syntax, text, expected) => {
    expect(strings(text, syntax)).toEqual(expected);
  });

  it('keeps an unterminated single-line string from swallowing the rest of the file', () => {
    expect(strings("a = 'broken\nb = 'ok'", 'javascript')).toEqual(['broken', 'ok']);
  });
});
