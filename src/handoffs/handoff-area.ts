/** The specialist areas a pull request can be handed off to (PRODUCT.md "Handoff areas"). */
export const HANDOFF_AREAS = [
  'security',
  'performance',
  'code-review',
  'api-design',
  'qa',
  'devops',
  'database',
] as const;

export type HandoffArea = (typeof HANDOFF_AREAS)[number];

export function isHandoffArea(value: string): value is HandoffArea {
  return (HANDOFF_AREAS as readonly string[]).includes(value);
}
