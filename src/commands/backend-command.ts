import { isHandoffArea, type HandoffArea } from '../handoffs/handoff-area.js';

/** A `/backend` command, parsed from the first line of a PR comment. */
export type BackendCommand =
  | { name: 'help' }
  | { name: 'report' }
  | { name: 'validate' }
  | { name: 'bugfix' }
  | { name: 'feature' }
  | { name: 'review'; area: HandoffArea }
  | { name: 'handoff'; area: HandoffArea }
  | { name: 'unknown'; text: string };

const SIMPLE = ['help', 'report', 'validate', 'bugfix', 'feature'] as const;

/**
 * Reads only the first line of a comment. Returns undefined when it is not a `/backend`
 * command at all. Arguments are matched against known lists: nothing else is kept, so no
 * text from a comment can travel further than this function.
 */
export function parseBackendCommand(commentBody: string): BackendCommand | undefined {
  const firstLine = (commentBody.split(/\r?\n/, 1)[0] ?? '').trim();
  const match = /^\/backend(?:\s+(.*))?$/i.exec(firstLine);
  if (!match) return undefined;
  const words = (match[1] ?? '').trim().toLowerCase().split(/\s+/).filter(Boolean);
  const [verb = 'help', arg] = words;
  if ((SIMPLE as readonly string[]).includes(verb) && words.length === 1) {
    return { name: verb as (typeof SIMPLE)[number] };
  }
  if (words.length === 0) return { name: 'help' };
  if (
    (verb === 'review' || verb === 'handoff') &&
    arg !== undefined &&
    isHandoffArea(arg) &&
    words.length === 2
  ) {
    return { name: verb, area: arg };
  }
  // Keep a short, printable echo of what was asked, for the reply; never more.
  return {
    name: 'unknown',
    text: words
      .join(' ')
      .replace(/[^a-z0-9 :_-]/g, '')
      .slice(0, 40),
  };
}
