/** Lines a coverage report measured, per source file as the report names it: line → hit count. */
export interface CoverageData {
  /** e.g. `lcov`, `Cobertura XML`. */
  format: string;
  files: Map<string, Map<number, number>>;
}

/** Adds `hits` for a line, keeping the highest count when a report lists the line twice. */
export function recordHits(
  files: Map<string, Map<number, number>>,
  file: string,
  line: number,
  hits: number,
): void {
  if (!Number.isInteger(line) || line <= 0 || !Number.isFinite(hits)) return;
  let lines = files.get(file);
  if (!lines) {
    lines = new Map();
    files.set(file, lines);
  }
  lines.set(line, Math.max(lines.get(line) ?? 0, hits));
}
