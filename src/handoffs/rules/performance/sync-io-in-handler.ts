import type { DiffLine } from '../../../code/diff/changed-file.js';
import { addedLinesOfSpan, spanStartingAt } from '../../review-engine/block-extent.js';
import type { ReviewRule, RuleHit } from '../../review-engine/review-rule.js';
import { addedRuns, type ReviewedFile } from '../../review-engine/reviewed-file.js';
import { isCommentLine } from '../../review-engine/line-kinds.js';
import { isJavaScriptFamily } from '../../../code/language.js';

/** Request handlers in Node: route registrations, NestJS route decorators, Next.js route exports, `(req, res) =>`. */
const JS_HANDLER = [
  /\b(?:app|router|server|fastify|api|route|routes)\.(?:get|post|put|patch|delete|all|use|route|head|options)\s*\(/,
  /^\s*@(?:Get|Post|Put|Patch|Delete|All|Head)\s*\(/,
  /export\s+(?:async\s+)?function\s+(?:GET|POST|PUT|PATCH|DELETE|HEAD)\s*\(/,
  /\(\s*req(?:uest)?\s*(?::\s*\w+)?\s*,\s*(?:res|reply|response)\b[^)]*\)\s*(?::[^=]+)?=>/,
  /function\s*\w*\s*\(\s*req(?:uest)?\s*(?::\s*\w+)?\s*,\s*(?:res|reply)\b/,
];
/** Calls that block Node's event loop. */
const JS_BLOCKING =
  /\b(?:readFileSync|writeFileSync|appendFileSync|readdirSync|statSync|existsSync|mkdirSync|copyFileSync|execSync|spawnSync|execFileSync|pbkdf2Sync|scryptSync|hashSync|compareSync|gzipSync|gunzipSync|deflateSync|inflateSync)\s*\(/;

const PY_ASYNC_DEF = /^\s*async\s+def\s+\w+/;
/** Calls that block an asyncio event loop. */
const PY_BLOCKING =
  /\btime\.sleep\s*\(|\brequests\.(?:get|post|put|patch|delete|request|head)\s*\(|\burllib\.request\.urlopen\s*\(|\bsubprocess\.(?:run|call|check_output)\s*\(/;

function bodyOf(run: readonly DiffLine[], index: number, file: ReviewedFile): DiffLine[] {
  // A decorator's handler starts on the method line below it.
  const start = /^\s*@/.test(run[index]?.text ?? '') ? index + 1 : index;
  const header = run[start];
  const span = header ? spanStartingAt(file, header.line, 'function') : undefined;
  return header && span ? [header, ...addedLinesOfSpan(file, span).lines] : [];
}

export const syncIoInHandler: ReviewRule = {
  id: 'performance/sync-io-in-handler',
  severity: 'medium',
  title: 'Blocking call in a request handler',
  explanation:
    'A synchronous file, process or crypto call (or a blocking call in async Python) stops the event loop: every other request waits for it.',
  fix: {
    default: 'Use the asynchronous API, or move the work out of the request path.',
    javascript:
      "Use `await fs.promises.readFile(...)` (or `import { readFile } from 'node:fs/promises'`), `execFile` with a callback/promise, and `bcrypt.hash`/`crypto.scrypt` (async); read static files once at start-up.",
    python:
      'Use `await asyncio.sleep(...)`, `httpx.AsyncClient`, or `await asyncio.to_thread(blocking_call, ...)`.',
  },
  check(file) {
    const language = file.language;
    if (!language || file.isTest) return [];
    const javascript = isJavaScriptFamily(language);
    if (!javascript && language !== 'python') return [];
    const hits: RuleHit[] = [];
    for (const run of addedRuns(file)) {
      run.forEach((line, index) => {
        const isHandler = javascript
          ? JS_HANDLER.some((pattern) => pattern.test(line.text))
          : PY_ASYNC_DEF.test(line.text);
        if (!isHandler) return;
        const blocking = javascript ? JS_BLOCKING : PY_BLOCKING;
        for (const bodyLine of bodyOf(run, index, file)) {
          if (!isCommentLine(file, bodyLine) && blocking.test(bodyLine.text))
            hits.push({ line: bodyLine.line });
        }
      });
    }
    return hits;
  },
};
