// Benchmarks print their figures as Markdown tables, ready to paste into their README.

/** The lines of a Markdown table with padded columns: header, separator, one line per row. */
export function markdownTable(header, rows) {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => String(row[i]).length)));
  const fmt = (cells) => `| ${cells.map((v, i) => String(v).padEnd(widths[i])).join(' | ')} |`;
  return [fmt(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(fmt)];
}
