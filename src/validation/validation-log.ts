/**
 * Where validation writes its progress. The composition root maps it onto
 * `core.startGroup`/`core.endGroup`/`process.stdout.write`; the command line
 * onto plain text. Groups are never nested.
 */
export interface ValidationLog {
  startGroup(title: string): void;
  endGroup(): void;
  write(text: string): void;
}
