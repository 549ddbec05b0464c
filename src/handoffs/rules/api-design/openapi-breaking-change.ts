import type { DiffLine } from '../../../code/diff/changed-file.js';
import { createFileChange } from '../../../code/file-change.js';
import type { ReviewRule, RuleHit } from '../../review-engine/review-rule.js';
import type { ReviewedFile } from '../../review-engine/reviewed-file.js';
import { readOpenApiOperations, type OpenApiOperation } from './openapi-operations.js';

/** Files that may hold an API description; the content decides (`openapi:` or `swagger:` at the top). */
const DESCRIPTION_FILE = /\.(?:ya?ml|json)$/i;

function sidesOf(file: ReviewedFile, readFile: ((path: string) => string | undefined) | undefined) {
  const change = createFileChange(file.change, '.', readFile);
  const before = change.oldSide();
  const after = change.newSide();
  if (!before.complete || !after.complete) return undefined;
  const text = (lines: DiffLine[]) => lines.map((line) => line.text).join('\n');
  const base = readOpenApiOperations(text(before.lines));
  const head = readOpenApiOperations(text(after.lines));
  return base && head ? { base, head } : undefined;
}

/** The first changed line on the given side that names one of `words` (tried in order); else its first changed line. */
function lineNaming(
  file: ReviewedFile,
  words: readonly string[],
  side: 'LEFT' | 'RIGHT',
): { line: number; side?: 'LEFT' } {
  const lines = side === 'LEFT' ? file.removed : file.added;
  const naming = words.map((word) => lines.find((candidate) => candidate.text.includes(word))).find(Boolean);
  const line = (naming ?? lines[0])?.line ?? 1;
  return side === 'LEFT' ? { line, side } : { line };
}

const named = (operation: OpenApiOperation) => `\`${operation.method} ${operation.path}\``;

function added(before: Set<string>, after: Set<string>): string[] {
  return [...after].filter((name) => !before.has(name));
}

function operationHits(file: ReviewedFile, before: OpenApiOperation, after: OpenApiOperation): RuleHit[] {
  const hits: RuleHit[] = [];
  for (const parameter of added(before.requiredParameters, after.requiredParameters)) {
    const [where, name = parameter] = parameter.split(':');
    hits.push({
      ...lineNaming(file, [name], 'RIGHT'),
      title: `Required ${where} parameter \`${name}\` added to ${named(after)}`,
      explanation: `Clients that call ${named(after)} without \`${name}\` will be rejected once this ships.`,
    });
  }
  for (const field of added(before.requiredBodyFields, after.requiredBodyFields)) {
    hits.push({
      ...lineNaming(file, [field], 'RIGHT'),
      title: `Required request field \`${field}\` added to ${named(after)}`,
      explanation: `Request bodies that clients send today lack \`${field}\` and will be rejected.`,
    });
  }
  for (const field of added(after.responseFields, before.responseFields)) {
    hits.push({
      ...lineNaming(file, [field], 'LEFT'),
      title: `Response field \`${field}\` removed from ${named(after)}`,
      explanation: `Clients reading \`${field}\` from ${named(after)} will find it missing.`,
    });
  }
  return hits;
}

export const openApiBreakingChange: ReviewRule = {
  id: 'api-design/openapi-breaking-change',
  severity: 'high',
  title: 'Breaking change to the API description',
  explanation:
    'The committed OpenAPI description removes an operation, adds something clients must send, or drops something they read: clients built from it break.',
  fix: {
    default:
      'Keep the old operation and fields (deprecated) until clients have moved, make new parameters and fields optional with a default, or publish the change as a new API version.',
  },
  check(file, { context }) {
    if (
      !DESCRIPTION_FILE.test(file.path) ||
      file.change.status === 'added' ||
      file.change.status === 'removed'
    )
      return [];
    const changedText = [...file.added, ...file.removed].map((line) => line.text).join('\n');
    if (changedText.trim() === '') return [];
    const sides = sidesOf(file, context.readFile);
    if (!sides) return [];
    const hits: RuleHit[] = [];
    for (const [key, before] of sides.base) {
      const after = sides.head.get(key);
      if (after) hits.push(...operationHits(file, before, after));
      else
        hits.push({
          ...lineNaming(file, [before.path, `${before.method.toLowerCase()}:`], 'LEFT'),
          title: `Operation removed from the API description: ${named(before)}`,
          explanation: `Clients calling ${named(before)} will get 404 or 405 once this ships.`,
        });
    }
    return hits;
  },
};
