import { randomBytes } from 'node:crypto';

/** An artifact as the fake results service keeps it. */
export interface StoredArtifact {
  id: number;
  workflowRunBackendId: string;
  workflowJobRunBackendId: string;
  name: string;
  /** Path of its blob on the fake blob storage. */
  blobPath: string;
  createdAt: Date;
  /** `expires_at` as the client sent it (RFC 3339), if it sent one. */
  expiresAt?: string;
  mimeType?: string;
  version?: number;
  finalized: boolean;
  size?: number;
  /** `sha256:<hex>` as the client reported it at finalization. */
  digest?: string;
}

/** A block blob: staged blocks until the block list is committed, then its content. */
export interface StoredBlob {
  stagedBlocks: Map<string, Buffer>;
  content?: Buffer;
  contentType?: string;
}

/** What a signed URL allows, keyed by its `sig`. */
export interface SignedUrlGrant {
  blobPath: string;
  permission: 'write' | 'read';
  expiresAt: Date;
}

/** The whole in-memory state of the fake, shared by every "job" that talks to it. */
export interface FakeResultsState {
  artifacts: StoredArtifact[];
  blobs: Map<string, StoredBlob>;
  grants: Map<string, SignedUrlGrant>;
  nextArtifactId: number;
  /** Names whose next CreateArtifact still answers 409 after a delete, as the real service briefly does. */
  staleNames: Map<string, number>;
}

export function createFakeResultsState(): FakeResultsState {
  // Ids start high, like the service's database ids; only their order matters to clients.
  return {
    artifacts: [],
    blobs: new Map(),
    grants: new Map(),
    nextArtifactId: 4_100_000_001,
    staleNames: new Map(),
  };
}

/** A signed URL for `blobPath` on the fake blob storage at `baseUrl`, shaped like an Azure SAS URL. */
export function signBlobUrl(
  state: FakeResultsState,
  baseUrl: string,
  blobPath: string,
  permission: SignedUrlGrant['permission'],
  downloadFileName?: string,
): string {
  const sig = randomBytes(24).toString('base64');
  const expiresAt = new Date(Date.now() + 10 * 60_000);
  state.grants.set(sig, { blobPath, permission, expiresAt });
  const url = new URL(blobPath, baseUrl);
  url.searchParams.set('sv', '2025-05-05');
  url.searchParams.set('se', expiresAt.toISOString());
  url.searchParams.set('sr', 'b');
  url.searchParams.set('sp', permission === 'write' ? 'cw' : 'r');
  if (downloadFileName) url.searchParams.set('rscd', `attachment; filename="${downloadFileName}"`);
  url.searchParams.set('sig', sig);
  return url.toString();
}
