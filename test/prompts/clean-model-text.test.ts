import { describe, expect, it } from 'vitest';
import { cleanModelText } from '../../src/prompts/clean-model-text.js';

describe('cleanModelText', () => {
  it('turns mentions of people and teams into code so nobody is pinged', () => {
    expect(cleanModelText('Ask @alice or @acme/backend-team.')).toBe('Ask `@alice` or `@acme/backend-team`.');
  });

  it('leaves email addresses, plain issue references and code spans alone', () => {
    expect(cleanModelText('Mail ops@example.com about #123; see `@Transactional`.')).toBe(
      'Mail ops@example.com about #123; see `@Transactional`.',
    );
  });

  it('turns cross-repository references into code: they would notify the other repository', () => {
    expect(cleanModelText('Same as acme/api#45.')).toBe('Same as `acme/api#45`.');
  });

  it('escapes HTML so no tag renders, keeping generics readable', () => {
    expect(cleanModelText('<img src=x onerror=alert(1)> in List<String> & more')).toBe(
      '&lt;img src=x onerror=alert(1)> in List&lt;String> &amp; more',
    );
  });

  it('escapes entities that would render as a live @', () => {
    expect(cleanModelText('&#64;alice')).toBe('&amp;#64;alice');
  });

  it('removes comment markers everywhere, code included, so our hidden markers cannot be forged or closed', () => {
    expect(cleanModelText('a --> b <!-- backend-developer:report --> `<!-- x -->` <!<!---->--')).toBe(
      'a b backend-developer:report ` x `',
    );
  });

  it('drops markdown images and stray backticks that could pair with the code around a mention', () => {
    expect(cleanModelText('x ![t](https://e.test/p.png) `@bob')).toBe('x `@bob`');
  });

  it('keeps fenced code blocks as they are', () => {
    const text = 'Use:\n```ts\nconst a = b<T>(@c);\n```';
    expect(cleanModelText(text)).toBe(text);
  });

  it('collapses to one line and cuts long text when asked', () => {
    expect(cleanModelText('one\n\ntwo   three', { singleLine: true })).toBe('one two three');
    expect(cleanModelText('abcdefghij', { maxChars: 5 })).toBe('abcd…');
  });
});
