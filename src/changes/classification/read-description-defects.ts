import { quoteSignal, type KindSignal } from './change-kind.js';

/**
 * Statements that a description makes only about a defect: it names a bug, crash or
 * regression, an exception that was raised, or says what "the fix" is. Read only when nothing
 * in the title, labels, branch or files decided, so a feature that mentions a fix in passing
 * is usually decided before.
 */
const DEFECT_STATEMENTS: readonly RegExp[] = [
  /\b(a|the|this|that) (bug|regression)\b/i,
  // Not after a negation: `no crash`, `without crashing`, `so it does not crash` describe a guard, not a defect.
  /(?<!\b(?:no|not|never|without|won't|doesn't|don't|instead of|rather than)\s+(?:\w+\s+)?)\b(crash(?:es|ed)?|regressed)\b/i,
  /\b(raised|raises|threw|throws|throwing|raising)\s+(?:an?\s+)?`?[A-Z][\w.]*(?:Error|Exception)\b/,
  /\b(?:the|this|a|whole|simple|actual|real)\s+(?:[\w-]+\s+){0,2}fix\b(?!\s+(?:for|to)\s+(?:an?\s+)?(?:typo|lint|test))/i,
  /\b(?:this|which|that|it)\s+(?:fixes|fixed|resolves|solves)\b/i,
  /\b(?:caused by|root cause|the (?:problem|issue) (?:was|is) that)\b/i,
];

function visibleProse(body: string): string {
  return body
    .replace(/<!--[\s\S]*?(?:-->|$)/g, ' ')
    .replace(/^(```|~~~)[^\n]*\n[\s\S]*?(?:^\1[^\n]*$|(?![\s\S]))/gm, ' ')
    .replace(/`[^`\n]*`/g, 'code')
    .replace(/^(?:co-authored-by|signed-off-by):.*$/gim, '');
}

/** A description that speaks of a defect (`Every scan job raised ArgumentError`, `the config placement is the whole fix`). */
export function readDescriptionDefects(body: string): KindSignal | undefined {
  const prose = visibleProse(body);
  for (const pattern of DEFECT_STATEMENTS) {
    const words = pattern.exec(prose)?.[0];
    if (words !== undefined) return { kind: 'fix', signal: `description words ${quoteSignal(words.trim())}` };
  }
  return undefined;
}
