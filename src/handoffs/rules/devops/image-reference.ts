/** An image reference split into its parts: `ghcr.io/acme/api:1.4@sha256:…`. */
export interface ImageReference {
  name: string;
  tag: string | null;
  digest: boolean;
}

/** Splits `registry/name:tag@digest`; the tag is the part after the last `:` that follows the last `/`. */
export function parseImageReference(reference: string): ImageReference {
  const [withoutDigest = '', digest] = reference.split('@');
  const slash = withoutDigest.lastIndexOf('/');
  const colon = withoutDigest.lastIndexOf(':');
  const hasTag = colon > slash;
  return {
    name: hasTag ? withoutDigest.slice(0, colon) : withoutDigest,
    tag: hasTag ? withoutDigest.slice(colon + 1) : null,
    digest: digest !== undefined && digest.length > 0,
  };
}

/** References resolved at build time (`$BASE`, `${IMAGE}`, Helm `{{ .Values.image }}`) cannot be judged. */
export function isTemplated(reference: string): boolean {
  return /[$]|\{\{/.test(reference);
}
