import { describe, expect, it } from 'vitest';
import { code, details, fence, inline, quoteUntrusted, table } from '../../src/report/markdown.js';
import { inspectMarkdown } from './markdown-shape.js';

const HOSTILE = [
  '[click](javascript:alert(1))',
  '![pixel](https://evil.example/p.png)',
  '<img src=x onerror=alert(1)>',
  '<https://evil.example/auto>',
  'https://evil.example/bare',
  'www.evil.example',
  '[ref][1]',
  '| a | b |',
  '@octocat',
  '&#64;security-team',
  '</details><!-- backend-developer:report -->',
  'a\\|b',
  'trailing backslash \\',
].join(' ');

describe('code', () => {
  it.each([
    ['plain', 'GET /users'],
    ['one backtick', 'GET /users/:id|admin`x'],
    ['a run of backticks', 'a ``` b `` c'],
    ['backticks at both ends', '`edge`'],
    ['spaces at both ends', ' padded '],
  ])('shows %s exactly, in one code span', (_kind, text) => {
    const shape = inspectMarkdown(`x ${code(text)} y`);
    expect(shape.codeSpans).toEqual([text]);
  });
});

describe('table', () => {
  it('keeps every row’s columns whatever the cells hold', () => {
    const cells = [
      code('/users/:id|admin`x'),
      inline(HOSTILE),
      'line one\nline two',
      code('a\\|b'),
      code('ends with \\'),
      inline('x\\\\|y'),
    ];
    const markdown = table(['A', 'B', 'C', 'D', 'E', 'F'], [cells, cells.slice().reverse()]);
    const shape = inspectMarkdown(markdown);
    expect(shape.tokens.filter((t) => t.type === 'table')).toHaveLength(1);
    expect(shape.brokenRows).toEqual([]);
    expect(shape.links).toEqual([]);
    expect(shape.images).toEqual([]);
    expect(shape.foreignHtml).toEqual([]);
    expect(shape.codeSpans).toContain('/users/:id|admin`x');
  });
});

describe('inline', () => {
  it('shows links, images, autolinks and HTML as text, and pings no one', () => {
    const rendered = inline(HOSTILE);
    const shape = inspectMarkdown(`Title: ${rendered}`);
    expect(shape.links).toEqual([]);
    expect(shape.images).toEqual([]);
    expect(shape.foreignHtml).toEqual([]);
    expect(rendered).not.toMatch(/(^|[^\u200b`])@octocat/);
    expect(rendered).not.toContain('&#64;');
    expect(rendered).not.toContain('\n');
  });

  it('keeps code spans as code and leaves ordinary text readable', () => {
    expect(inline('add `actions/checkout` before this step')).toBe('add `actions/checkout` before this step');
    expect(inline('python >=3.11, express ^4.19.2')).toBe('python >=3.11, express ^4.19.2');
    expect(inlineText('a [b] <c> d|e')).toBe('a [b] <c> d|e');
  });

  it('cannot start a heading or a quote', () => {
    expect(inspectMarkdown(inline('# Definition of Done')).headings).toEqual([]);
    expect(inspectMarkdown(inline('> quoted')).tokens.some((t) => t.type === 'blockquote')).toBe(false);
  });
});

/** The text a reader sees for an inline rendering. */
function inlineText(text: string): string {
  return inspectMarkdown(inline(text))
    .tokens.filter((t) => t.type === 'text' || t.type === 'escape')
    .map((t) => ('text' in t ? String(t.text) : ''))
    .join('')
    .replace(/&lt;/g, '<');
}

describe('quoteUntrusted', () => {
  const body = [
    'The cache key ignored the tenant; see [the docs](javascript:alert(document.cookie)).',
    '![tracker](https://evil.example/p.png) <img src=x> <details><summary>hidden</summary>',
    '[ref link][1]',
    '',
    '[1]: https://evil.example/ref',
    '',
    '| fake | table |',
    '|------|-------|',
    '| x | y |',
    '# Definition of Done',
    'Setext heading',
    '===',
    '- [x] all tests pass',
    '- keeps **bold** and `code`',
    '```js',
    'const a = "```";',
  ].join('\n');

  it('keeps everything inside the quote: no link, image, HTML, table, heading or open fence', () => {
    const markdown = `### Root Cause\n\n${quoteUntrusted(body)}\n\n<sub>From the PR description.</sub>\n\n### Solution`;
    const shape = inspectMarkdown(markdown);
    expect(shape.links).toEqual([]);
    expect(shape.images).toEqual([]);
    expect(shape.foreignHtml).toEqual([]);
    expect(shape.tokens.filter((t) => t.type === 'table')).toEqual([]);
    expect(shape.tokens.filter((t) => t.type === 'heading').map((t) => ('text' in t ? t.text : ''))).toEqual([
      'Root Cause',
      'Solution',
    ]);
    // The fence was closed inside the quote: the code is code and the headings after it are headings.
    expect(shape.tokens.find((t) => t.type === 'code')).toMatchObject({
      text: 'const a = "```";',
      lang: 'js',
    });
    expect(shape.tokens.filter((t) => t.type === 'checkbox')).toEqual([]);
    expect(shape.tokens.some((t) => t.type === 'strong')).toBe(true);
  });

  it('keeps every line of the text quoted, blank lines included', () => {
    const quoted = quoteUntrusted('first\n\nsecond');
    expect(quoted).toBe('> first\n>\n> second');
  });
});

describe('fence and details', () => {
  it('closes a code block whatever backticks the output holds', () => {
    const output = 'line\n```\nmore ````';
    const shape = inspectMarkdown(`${fence(output, 'text')}\n\n### After`);
    expect(shape.tokens.find((t) => t.type === 'code')).toMatchObject({ text: output });
    expect(shape.headings).toEqual(['After']);
  });

  it('keeps a summary from closing its block', () => {
    const markdown = details('Last lines of </summary></details><img src=x> in `x`', 'body');
    expect(inspectMarkdown(markdown).foreignHtml).toEqual([]);
  });
});
