import { parseImageReference, type ContainerImage } from './container-image.js';

/**
 * The base images of a Dockerfile's stages. Dockerfiles have no maintained parser for
 * Node; this reads `FROM` lines (after joining `\` continuations), substitutes
 * `ARG` defaults declared before them, and leaves out `scratch` and references to
 * earlier stages.
 */
export function readDockerfileImages(text: string): ContainerImage[] {
  const args = new Map<string, string>();
  const stages = new Set<string>();
  const images: ContainerImage[] = [];
  for (const line of text.replace(/\\\r?\n/g, ' ').split(/\r?\n/)) {
    const words = line.trim().split(/\s+/);
    const instruction = words[0]?.toUpperCase();
    if (instruction === 'ARG') {
      for (const declaration of words.slice(1)) {
        const [name, value] = declaration.split('=', 2);
        if (name && value !== undefined) args.set(name, value.replace(/^["']|["']$/g, ''));
      }
    } else if (instruction === 'FROM') {
      const operands = words.slice(1).filter((word) => !word.startsWith('--'));
      const reference = substituteArgs(operands[0] ?? '', args);
      if (operands[1]?.toLowerCase() === 'as' && operands[2]) stages.add(operands[2].toLowerCase());
      if (
        reference &&
        reference !== 'scratch' &&
        !stages.has(reference.toLowerCase()) &&
        !reference.includes('$')
      ) {
        images.push(parseImageReference(reference));
      }
    }
  }
  return images;
}

function substituteArgs(reference: string, args: ReadonlyMap<string, string>): string {
  return reference.replace(
    /\$\{(\w+)(?::?-([^}]*))?\}|\$(\w+)/g,
    (whole, braced?: string, fallback?: string, bare?: string) => {
      const name = braced ?? bare ?? '';
      return args.get(name) ?? fallback ?? whole;
    },
  );
}
