import type { FileChange } from '../../code/file-change.js';

/** Answers where, if anywhere, an environment variable is documented. */
export type EnvDocumentation = (name: string, project: string) => string | undefined;

const ENV_TEMPLATE =
  /(^|\/)(\.env(\.[\w-]+)*\.(example|sample|template|dist|defaults|tpl)|(example|sample|template)\.env|env\.(example|sample))$/i;
const README = /(^|\/)README(\.[\w]+)?$/i;
const DOCS_PAGE = /(^|\/)docs?\/.*\.(md|mdx|markdown|rst|adoc|txt)$/i;
const TEMPLATE_NAMES = [
  '.env.example',
  '.env.sample',
  '.env.template',
  '.env.dist',
  '.env.defaults',
  'example.env',
  'README.md',
];

/** True for files that document configuration: `.env.example`-style templates, READMEs, pages under `docs/`. */
export function isEnvDocumentation(path: string): boolean {
  return ENV_TEMPLATE.test(path) || README.test(path) || DOCS_PAGE.test(path);
}

function mentions(text: string, name: string): boolean {
  let from = text.indexOf(name);
  while (from !== -1) {
    const before = text[from - 1] ?? ' ';
    const after = text[from + name.length] ?? ' ';
    if (!/\w/.test(before) && !/\w/.test(after)) return true;
    from = text.indexOf(name, from + 1);
  }
  return false;
}

/**
 * Looks for a variable's name in the documentation files the PR changes (their added
 * and context lines, or the whole head file when readable) and, through `readFile`, in
 * the `.env.example`-style files and README of the project and of the repository root.
 */
export function findEnvDocumentation(
  changes: FileChange[],
  readFile?: (path: string) => string | undefined,
): EnvDocumentation {
  const inDiff = changes
    .filter((change) => change.file.status !== 'removed' && isEnvDocumentation(change.file.path))
    .map((change) => ({
      path: change.file.path,
      text: () =>
        change
          .newSide()
          .lines.map((line) => line.text)
          .join('\n'),
    }));
  const cache = new Map<string, string | undefined>();
  const read = (path: string): string | undefined => {
    if (!cache.has(path)) cache.set(path, readFile?.(path));
    return cache.get(path);
  };
  return (name, project) => {
    const found = inDiff.find((document) => mentions(document.text(), name));
    if (found) return found.path;
    if (!readFile) return undefined;
    const folders = project === '.' ? ['.'] : [project, '.'];
    for (const folder of folders) {
      for (const file of TEMPLATE_NAMES) {
        const path = folder === '.' ? file : `${folder}/${file}`;
        const text = read(path);
        if (text !== undefined && mentions(text, name)) return path;
      }
    }
    return undefined;
  };
}
