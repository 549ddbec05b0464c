import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { XMLParser } from 'fast-xml-parser';
import type { FakeResultsState, SignedUrlGrant, StoredBlob } from './fake-results-state.js';

/** An HTTP answer of the fake blob storage. */
export interface BlobAnswer {
  status: number;
  headers: Record<string, string>;
  body: Buffer | string;
}

/** Azure Storage's error body (https://learn.microsoft.com/rest/api/storageservices/status-and-error-codes2). */
function storageError(status: number, code: string, message: string): BlobAnswer {
  const body = `<?xml version="1.0" encoding="utf-8"?><Error><Code>${code}</Code><Message>${message}</Message></Error>`;
  return { status, headers: { 'content-type': 'application/xml', 'x-ms-error-code': code }, body };
}

const storageHeaders = (): Record<string, string> => ({
  'x-ms-request-id': randomUUID(),
  'x-ms-version': '2025-05-05',
  date: new Date().toUTCString(),
});

const blockListParser = new XMLParser({
  isArray: (name) => ['Latest', 'Committed', 'Uncommitted'].includes(name),
});

/** The block ids of a Put Block List body, in order (`<BlockList><Latest>id</Latest>…</BlockList>`). */
function blockIdsOf(xml: string): string[] | undefined {
  const parsed: unknown = blockListParser.parse(xml);
  if (typeof parsed !== 'object' || parsed === null || !('BlockList' in parsed)) return undefined;
  const list = parsed.BlockList as Record<string, unknown> | '';
  if (list === '') return [];
  return ['Latest', 'Uncommitted', 'Committed'].flatMap((kind) =>
    Array.isArray(list[kind]) ? list[kind].map(String) : [],
  );
}

function checkGrant(
  state: FakeResultsState,
  url: URL,
  permission: SignedUrlGrant['permission'],
): BlobAnswer | undefined {
  const grant = state.grants.get(url.searchParams.get('sig') ?? '');
  if (
    !grant ||
    grant.blobPath !== url.pathname ||
    grant.permission !== permission ||
    grant.expiresAt < new Date()
  ) {
    return storageError(
      403,
      'AuthenticationFailed',
      'Signature did not match or does not allow this operation.',
    );
  }
  return undefined;
}

function putBlock(blob: StoredBlob, url: URL, body: Buffer): BlobAnswer {
  const blockId = url.searchParams.get('blockid');
  if (!blockId) return storageError(400, 'MissingRequiredQueryParameter', 'blockid is required.');
  blob.stagedBlocks.set(blockId, body);
  return { status: 201, headers: { ...storageHeaders(), 'x-ms-request-server-encrypted': 'true' }, body: '' };
}

function putBlockList(blob: StoredBlob, request: IncomingMessage, body: Buffer): BlobAnswer {
  const blockIds = blockIdsOf(body.toString('utf8'));
  if (!blockIds) return storageError(400, 'InvalidXmlDocument', 'The block list is not valid XML.');
  const blocks = blockIds.map((id) => blob.stagedBlocks.get(id));
  if (blocks.some((block) => block === undefined))
    return storageError(400, 'InvalidBlockList', 'A listed block was not staged.');
  blob.content = Buffer.concat(blocks as Buffer[]);
  blob.contentType = String(request.headers['x-ms-blob-content-type'] ?? 'application/octet-stream');
  blob.stagedBlocks.clear();
  const etag = `"0x${Date.now().toString(16).toUpperCase()}"`;
  return {
    status: 201,
    headers: { ...storageHeaders(), etag, 'last-modified': new Date().toUTCString() },
    body: '',
  };
}

function getBlob(blob: StoredBlob, url: URL): BlobAnswer {
  if (!blob.content) return storageError(404, 'BlobNotFound', 'The specified blob does not exist.');
  const headers: Record<string, string> = {
    ...storageHeaders(),
    'content-type': blob.contentType ?? 'application/octet-stream',
    'content-length': String(blob.content.length),
    'x-ms-blob-type': 'BlockBlob',
  };
  // `rscd` in a SAS URL sets the response's Content-Disposition, as Azure does.
  const disposition = url.searchParams.get('rscd');
  if (disposition) headers['content-disposition'] = disposition;
  return { status: 200, headers, body: blob.content };
}

/**
 * Answers the blob requests behind the signed URLs the fake hands out: Put
 * Block (`comp=block`) and Put Block List (`comp=blocklist`), which is how the
 * client's `BlockBlobClient.uploadStream` uploads, and Get Blob for downloads.
 * Anything else gets Azure's 400, so a change in what the client sends shows up.
 */
export function answerBlobRequest(
  state: FakeResultsState,
  request: IncomingMessage,
  url: URL,
  body: Buffer,
): BlobAnswer {
  const comp = url.searchParams.get('comp');
  if (request.method === 'PUT' && (comp === 'block' || comp === 'blocklist')) {
    const denied = checkGrant(state, url, 'write');
    if (denied) return denied;
    const blob = state.blobs.get(url.pathname) ?? { stagedBlocks: new Map() };
    state.blobs.set(url.pathname, blob);
    return comp === 'block' ? putBlock(blob, url, body) : putBlockList(blob, request, body);
  }
  if (request.method === 'GET' && comp === null) {
    const denied = checkGrant(state, url, 'read');
    if (denied) return denied;
    const blob = state.blobs.get(url.pathname);
    return blob
      ? getBlob(blob, url)
      : storageError(404, 'BlobNotFound', 'The specified blob does not exist.');
  }
  return storageError(
    400,
    'UnsupportedHttpVerb',
    `The fake does not implement ${request.method} with comp=${comp ?? '(none)'}.`,
  );
}
