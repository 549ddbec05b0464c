/** Small Markdown builders shared by the report sections. */

/** Escapes text for a table cell or inline use: pipes, backticks-safe, one line, no HTML. */
export function inline(text: string): string {
  return (
    text
      .replace(/\r?\n/g, ' ')
      // `<` alone is enough to stop HTML; `>` stays readable in the terminal.
      .replace(/</g, '&lt;')
      .replace(/\|/g, '\\|')
      .replace(/@(?=[A-Za-z0-9-])/g, '@\u200b')
  );
}

/** Wraps a path or identifier in backticks, safely. */
export function code(text: string): string {
  const clean = text.replace(/\r?\n/g, ' ');
  const fence = clean.includes('`') ? '``' : '`';
  return `${fence}${clean.includes('`') ? ` ${clean} ` : clean}${fence}`;
}

export function table(headers: string[], rows: string[][]): string {
  const head = `| ${headers.join(' | ')} |`;
  const rule = `| ${headers.map(() => '---').join(' | ')} |`;
  return [head, rule, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
}

export function details(summary: string, body: string): string {
  return `<details><summary>${summary}</summary>\n\n${body}\n\n</details>`;
}

/**
 * Shows up to `visible` items inline and folds the rest (up to `cap`) into <details>,
 * ending with "and N more" when even that is not enough.
 */
export function cappedList(
  items: string[],
  options: { visible?: number; cap?: number; noun?: string } = {},
): string {
  const visible = options.visible ?? 10;
  const cap = options.cap ?? 200;
  const noun = options.noun ?? 'more';
  const shown = items.slice(0, visible).map((i) => `- ${i}`);
  if (items.length <= visible) return shown.join('\n');
  const folded = items.slice(visible, cap).map((i) => `- ${i}`);
  const rest = items.length - Math.min(items.length, cap);
  const tail = rest > 0 ? `\n- … and ${rest} more` : '';
  return `${shown.join('\n')}\n${details(`${items.length - visible} ${noun}`, folded.join('\n') + tail)}`;
}

export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : pluralForm}`;
}

/**
 * Quotes text written by the PR's author (untrusted) as a Markdown block quote: no HTML
 * (so no hidden markers or tags), no @mentions that would ping people, capped in length.
 */
export function quoteUntrusted(text: string, maxLength = 1500): string {
  let clean = text
    .replace(/<!--[\s\S]*?(-->|$)/g, '')
    .replace(/[<>]/g, (c) => (c === '<' ? '&lt;' : '&gt;'))
    .replace(/@(?=[A-Za-z0-9-])/g, '@\u200b')
    .trim();
  if (clean.length > maxLength) clean = `${clean.slice(0, maxLength).replace(/\s+\S*$/, '')} …`;
  return clean
    .split(/\r?\n/)
    .map((line) => `> ${line}`)
    .join('\n');
}
