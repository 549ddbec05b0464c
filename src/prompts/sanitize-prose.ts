import { PROSE_INVISIBLES } from './invisible-characters.js';

// Everything below hides text from a human reader of the rendered PR page while a model still
// reads it: the classic carriers of prompt injection in PR titles, bodies and commit messages.
const HTML_COMMENT = /<!--[\s\S]*?(?:-->|$)/g;
const MARKDOWN_IMAGE = /!\[[^\]]*\]\([^)]*\)/g;
const REFERENCE_IMAGE = /!\[[^\]]*\]\[[^\]]*\]/g;
const HTML_IMAGE = /<img\b[^>]*>/gi;
const HIDDEN_HTML =
  /<(details|summary|picture|source|svg|style|script)\b[^>]*>|<\/(details|summary|picture|source|svg|style|script)>/gi;
const STRAY_COMMENT_MARK = /<!--|-->/g;

/**
 * Cleans PR prose (title, body, commit messages) before it goes into a prompt: removes HTML
 * comments, markdown and HTML images (alt text is a hiding place), a few container tags, and
 * zero-width, bidirectional and tag characters. Visible text is kept as the author wrote it.
 */
export function sanitizeProse(text: string): string {
  return text
    .normalize('NFC')
    .replace(PROSE_INVISIBLES, '')
    .replace(HTML_COMMENT, '')
    .replace(STRAY_COMMENT_MARK, '')
    .replace(MARKDOWN_IMAGE, '')
    .replace(REFERENCE_IMAGE, '')
    .replace(HTML_IMAGE, '')
    .replace(HIDDEN_HTML, '')
    .replace(/\r\n?/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
