import { HANDOFF_AREAS, type HandoffArea } from './handoff-area.js';
import type { HandoffConfig } from './handoff-config.js';

/** What a handoff area is, for labels, comment headings and `/backend help`. */
export interface HandoffAreaInfo {
  /** Heading of the area's review comment, e.g. "Security audit". */
  title: string;
  /** At most 100 characters: GitHub's limit for a label description. */
  description: string;
  /** Label colour, six hex digits without `#`. */
  color: string;
  /** The label used when the config names none. */
  defaultLabel: string;
}

/**
 * The seven specialist areas a backend change can be handed to, each described after the
 * specialist the backend-developer agent hands that kind of work to.
 */
export const HANDOFF_CATALOG: Readonly<Record<HandoffArea, HandoffAreaInfo>> = {
  security: {
    title: 'Security audit',
    description: 'Audit for vulnerabilities, authentication and authorization flaws, and data protection.',
    color: 'd73a4a',
    defaultLabel: 'handoff:security',
  },
  performance: {
    title: 'Performance review',
    description: 'Check queries, hot paths and resource use for performance and scalability problems.',
    color: 'fbca04',
    defaultLabel: 'handoff:performance',
  },
  'code-review': {
    title: 'Code review',
    description: 'Review code quality, patterns and maintainability before merging.',
    color: '0e8a16',
    defaultLabel: 'handoff:code-review',
  },
  'api-design': {
    title: 'API design review',
    description: 'Check endpoint changes for breaking changes and consistency with the existing API.',
    color: '1d76db',
    defaultLabel: 'handoff:api-design',
  },
  qa: {
    title: 'Test coverage review',
    description: 'Check that changed code is tested and that no tests were skipped, focused or deleted.',
    color: '5319e7',
    defaultLabel: 'handoff:qa',
  },
  devops: {
    title: 'Infrastructure review',
    description: 'Review containers, CI/CD workflows and infrastructure code for safety and reproducibility.',
    color: '006b75',
    defaultLabel: 'handoff:devops',
  },
  database: {
    title: 'Database review',
    description: 'Review migrations and schema changes for data loss, locking and missing indexes.',
    color: 'c2e0c6',
    defaultLabel: 'handoff:database',
  },
};

/** The label that requests `area`'s review: the config's `handoffs.<area>.label`, else `handoff:<area>`. */
export function labelFor(area: HandoffArea, config?: HandoffConfig): string {
  const configured = config?.[area]?.label?.trim();
  return configured ? configured : HANDOFF_CATALOG[area].defaultLabel;
}

/** The area a label requests, or null when the label is not a handoff label (labels compare case-insensitively, as on GitHub). */
export function areaForLabel(label: string, config?: HandoffConfig): HandoffArea | null {
  const wanted = label.trim().toLowerCase();
  return HANDOFF_AREAS.find((area) => labelFor(area, config).toLowerCase() === wanted) ?? null;
}
