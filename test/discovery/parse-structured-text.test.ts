import { describe, expect, it } from 'vitest';
import { parseStructuredText } from '../../src/discovery/parse-structured-text.js';

describe('parseStructuredText', () => {
  it('names the line and the reason of a JSON error the same way on every Node version', () => {
    expect(
      parseStructuredText('{\n  "name": "web",\n  "dependencies": {\n    "next": "14.1.0",\n  }\n}', 'json'),
    ).toEqual({
      ok: false,
      message: 'invalid JSON at line 5: Expected double-quoted property name',
    });
  });

  it('reports JSON that ends too early at its last line', () => {
    expect(parseStructuredText('{\n"a": [1,', 'json')).toEqual({
      ok: false,
      message: 'invalid JSON at line 2: Unexpected end of JSON input',
    });
  });

  it('reads bun.lock-style JSON with trailing commas and comments, leaving strings alone', () => {
    const text = '{\n  // lockfile\n  "packages": { "a": ["a@1.0.0", "// not a comment,", ], },\n}';
    expect(parseStructuredText(text, 'jsonc')).toEqual({
      ok: true,
      value: { packages: { a: ['a@1.0.0', '// not a comment,'] } },
    });
  });

  it('names the line of a TOML error', () => {
    const outcome = parseStructuredText('[project]\nname = "x"\ndependencies = ["a"\n', 'toml');
    expect(outcome.ok).toBe(false);
    expect(outcome.ok ? '' : outcome.message).toMatch(/^invalid TOML at line 4: /);
  });

  it('names the line of a YAML error', () => {
    const outcome = parseStructuredText('services:\n  db:\n    image: [postgres\n', 'yaml');
    expect(outcome.ok ? '' : outcome.message).toMatch(/^invalid YAML at line \d+: /);
  });

  it('validates XML before reading it, keeping attribute and version values as strings', () => {
    expect(parseStructuredText('<project>\n<version>1.10</version>\n</projec>', 'xml')).toEqual({
      ok: false,
      message:
        "invalid XML at line 3: Expected closing tag 'project' (opened in line 1, col 1) instead of closing tag 'projec'.",
    });
    expect(parseStructuredText('<a v="1.10"><b>1.10</b></a>', 'xml')).toEqual({
      ok: true,
      value: { a: { '@_v': '1.10', b: '1.10' } },
    });
  });

  it('names an entity the XML never declares, and reads declared, predefined and commented ones', () => {
    expect(parseStructuredText('<project>\n  <artifactId>&name;</artifactId>\n</project>', 'xml')).toEqual({
      ok: false,
      message: "invalid XML at line 2: entity '&name;' is not defined",
    });
    expect(
      parseStructuredText(
        '<!DOCTYPE p [<!ENTITY name "api">]>\n<p><a>&name;&amp;&#65;</a><!-- &x; --><![CDATA[&y;]]></p>',
        'xml',
      ).ok,
    ).toBe(true);
  });

  it('reads every document of a YAML stream and names the line of an error in a later one', () => {
    expect(parseStructuredText('a: 1\n---\nb: 2\n', 'yaml-documents')).toEqual({
      ok: true,
      value: [{ a: 1 }, { b: 2 }],
    });
    const outcome = parseStructuredText('a: 1\n---\nb: [2\n', 'yaml-documents');
    expect(outcome.ok ? '' : outcome.message).toMatch(/^invalid YAML at line [34]: /);
  });

  it('reads Java properties and dotenv files', () => {
    expect(parseStructuredText('# c\nspring.datasource.url = jdbc:h2:mem:x\nk: v\n', 'properties')).toEqual({
      ok: true,
      value: { 'spring.datasource.url': 'jdbc:h2:mem:x', k: 'v' },
    });
    expect(
      parseStructuredText('# DB_CONNECTION=pgsql\nDB_CONNECTION=mysql\nURL="a b" # note\n', 'dotenv'),
    ).toEqual({
      ok: true,
      value: { DB_CONNECTION: 'mysql', URL: 'a b' },
    });
  });
});
