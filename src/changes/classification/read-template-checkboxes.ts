import { quoteSignal, type ChangeKind, type KindSignal } from './change-kind.js';

// `- [x] Bug fix (non-breaking change which fixes an issue)`: the checked line of a PR template's "type of change".
const CHECKED_LINE = /^\s*[-*+]\s*\[[xX]\]\s*(.+)$/gm;

const CHECKBOX_KINDS: readonly (readonly [kind: ChangeKind, pattern: RegExp])[] = [
  ['fix', /^(?:🐛\s*)?(bug ?fix|bug|fix|hotfix|security fix)\b/i],
  ['feature', /^(?:✨\s*)?(new feature|feature|enhancement)\b/i],
  [
    'change',
    /^(refactor(?:ing)?|chore|code style|style|documentation|docs|dependency (?:update|upgrade|bump)|dependencies|tests?|ci|build|performance|perf|maintenance)\b/i,
  ],
];

/**
 * The type of change a PR template asks the author to tick, when exactly one kind is ticked.
 * Text inside HTML comments is the template's own and is not read.
 */
export function readTemplateCheckboxes(body: string): KindSignal | undefined {
  const visible = body.replace(/<!--[\s\S]*?(?:-->|$)/g, '');
  const ticked = new Map<ChangeKind, string>();
  for (const match of visible.matchAll(CHECKED_LINE)) {
    const text = (match[1] ?? '').trim();
    const entry = CHECKBOX_KINDS.find(([, pattern]) => pattern.test(text));
    if (entry && !ticked.has(entry[0])) ticked.set(entry[0], text);
  }
  const [only, ...others] = [...ticked];
  if (only === undefined || others.length > 0) return undefined;
  return { kind: only[0], signal: `ticked box ${quoteSignal(only[1])} in the description` };
}
