/** A workflow-command annotation the action printed (`::error file=…,line=…::message`). */
export interface Annotation {
  level: 'error' | 'warning' | 'notice';
  message: string;
  /** Properties such as `file`, `line`, `endLine`, `col`, `endColumn`, `title`. */
  properties: Record<string, string>;
}

/**
 * Parses a `GITHUB_OUTPUT` (or `GITHUB_STATE` / `GITHUB_ENV`) file: `@actions/core` writes
 * `name<<ghadelimiter_<uuid>` heredocs; older writers use `name=value` lines. Later
 * values win, as on the runner.
 */
export function parseRunnerFile(text: string): Record<string, string> {
  const values: Record<string, string> = {};
  const lines = text.split(/\r?\n/);
  for (let index = 0; index < lines.length; index += 1) {
    const line = lines[index] ?? '';
    const heredoc = /^([^=]+?)<<(.+)$/.exec(line);
    if (heredoc?.[1] && heredoc[2]) {
      const end = lines.indexOf(heredoc[2], index + 1);
      if (end < 0) throw new Error(`Runner file: heredoc for ${heredoc[1]} has no closing ${heredoc[2]}`);
      values[heredoc[1]] = lines.slice(index + 1, end).join('\n');
      index = end;
      continue;
    }
    const equals = line.indexOf('=');
    if (equals > 0) values[line.slice(0, equals)] = line.slice(equals + 1);
  }
  return values;
}

/** Reverses the escaping of workflow commands (`%25`, `%0D`, `%0A`, and `%3A`/`%2C` in properties). */
function unescapeCommand(text: string, property: boolean): string {
  let result = text.replace(/%0D/gi, '\r').replace(/%0A/gi, '\n');
  if (property) result = result.replace(/%3A/gi, ':').replace(/%2C/gi, ',');
  return result.replace(/%25/g, '%');
}

const COMMAND = /^::(error|warning|notice)(?: ([^:]*))?::(.*)$/;

/** Every `::error`, `::warning` and `::notice` command in the action's stdout. */
export function parseAnnotations(stdout: string): Annotation[] {
  const annotations: Annotation[] = [];
  for (const line of stdout.split(/\r?\n/)) {
    const match = COMMAND.exec(line);
    if (!match) continue;
    const properties: Record<string, string> = {};
    for (const pair of (match[2] ?? '').split(',')) {
      const equals = pair.indexOf('=');
      if (equals > 0)
        properties[pair.slice(0, equals).trim()] = unescapeCommand(pair.slice(equals + 1), true);
    }
    annotations.push({
      level: match[1] as Annotation['level'],
      message: unescapeCommand(match[3] ?? '', false),
      properties,
    });
  }
  return annotations;
}
