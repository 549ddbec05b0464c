/** Where the pipeline reports progress: the Actions log in the action, stderr in the CLI. */
export interface RunLog {
  info(message: string): void;
  notice(message: string): void;
  warning(message: string, where?: { file?: string; line?: number; title?: string }): void;
  error(message: string, where?: { file?: string; line?: number; title?: string }): void;
  startGroup(title: string): void;
  endGroup(): void;
}
