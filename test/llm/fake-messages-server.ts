import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request the fake received, exactly as sent. */
export interface RecordedRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  rawBody: string;
  body: MessagesRequestBody;
}

/** The parts of a Messages API request body the tests look at. */
export interface MessagesRequestBody {
  model?: string;
  max_tokens?: number;
  system?: Array<{ type: string; text: string; cache_control?: { type: string } }>;
  messages?: Array<{
    role: string;
    content: Array<{ type: string; text: string; cache_control?: { type: string } }>;
  }>;
  output_config?: { format?: { type: string; schema: Record<string, unknown> } };
  [key: string]: unknown;
}

export type ScriptedResponse =
  | {
      kind: 'message';
      /** The text block's content (usually JSON). */
      text: string;
      stopReason?: 'end_turn' | 'max_tokens' | 'refusal' | 'model_context_window_exceeded';
      stopDetails?: { type: 'refusal'; category: string | null; explanation: string | null };
      /** Put a thinking block before the text, as models with thinking on do. */
      withThinking?: boolean;
    }
  | { kind: 'error'; status: number; type: string; message: string; headers?: Record<string, string> }
  /** Accept the request and never answer: the client's timeout must end it. */
  | { kind: 'hang' };

export interface FakeMessagesServer {
  /** Base URL for the client (`http://127.0.0.1:<port>`). */
  url: string;
  requests: RecordedRequest[];
  /** Answers for the next requests, in order. */
  enqueue(...responses: ScriptedResponse[]): void;
  /** Answer used when the queue is empty. */
  otherwise(respond: (request: RecordedRequest) => ScriptedResponse): void;
  reset(): void;
  close(): Promise<void>;
}

/**
 * A local stand-in for the Anthropic Messages API on 127.0.0.1 and a random port. It records
 * every request and answers from a script. Usage mimics prompt caching: a system + first-block
 * prefix seen before is reported as cache read, a new one as cache creation.
 */
export async function startFakeMessagesServer(): Promise<FakeMessagesServer> {
  const requests: RecordedRequest[] = [];
  const queue: ScriptedResponse[] = [];
  const seenPrefixes = new Set<string>();
  let fallback: (request: RecordedRequest) => ScriptedResponse = () => ({
    kind: 'error',
    status: 500,
    type: 'api_error',
    message: 'the fake has no scripted answer',
  });

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const rawBody = Buffer.concat(chunks).toString('utf8');
      const recorded: RecordedRequest = {
        method: req.method ?? '',
        path: req.url ?? '',
        headers: req.headers,
        rawBody,
        body: rawBody ? (JSON.parse(rawBody) as MessagesRequestBody) : {},
      };
      requests.push(recorded);
      const scripted = queue.shift() ?? fallback(recorded);
      answer(res, scripted, recorded, seenPrefixes);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    enqueue: (...responses) => queue.push(...responses),
    otherwise: (respond) => {
      fallback = respond;
    },
    reset: () => {
      requests.length = 0;
      queue.length = 0;
      seenPrefixes.clear();
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function answer(
  res: ServerResponse,
  scripted: ScriptedResponse,
  request: RecordedRequest,
  seen: Set<string>,
): void {
  if (scripted.kind === 'hang') return;
  if (scripted.kind === 'error') {
    res.writeHead(scripted.status, { 'content-type': 'application/json', ...scripted.headers });
    res.end(JSON.stringify({ type: 'error', error: { type: scripted.type, message: scripted.message } }));
    return;
  }
  const content: unknown[] = [];
  if (scripted.withThinking)
    content.push({ type: 'thinking', thinking: 'Looking at the diff.', signature: 'sig' });
  content.push({ type: 'text', text: scripted.text, citations: null });
  res.writeHead(200, { 'content-type': 'application/json', 'request-id': `req_${Date.now()}` });
  res.end(
    JSON.stringify({
      id: `msg_${Math.random().toString(36).slice(2)}`,
      type: 'message',
      role: 'assistant',
      model: request.body.model ?? 'unknown',
      content,
      stop_reason: scripted.stopReason ?? 'end_turn',
      stop_sequence: null,
      stop_details: scripted.stopDetails ?? null,
      usage: usageFor(request.body, scripted.text, seen),
    }),
  );
}

/** Four characters a token: close to real tokenizers, well under the client's estimate. */
function usageFor(body: MessagesRequestBody, output: string, seen: Set<string>) {
  const prefix =
    (body.system ?? []).map((b) => b.text).join('') + (body.messages?.[0]?.content[0]?.text ?? '');
  const rest = (body.messages?.[0]?.content ?? [])
    .slice(1)
    .map((b) => b.text)
    .join('');
  const prefixTokens = Math.ceil(prefix.length / 4);
  const cached = seen.has(prefix);
  seen.add(prefix);
  return {
    input_tokens: Math.ceil(rest.length / 4) + 50,
    output_tokens: Math.ceil(output.length / 4),
    cache_creation_input_tokens: cached ? 0 : prefixTokens,
    cache_read_input_tokens: cached ? prefixTokens : 0,
  };
}
