// The project's public vocabulary (../shared/spec/categories.md). Renaming an id is a
// breaking change: diagnostics codes, the CLI's JSON, settings and the summary all use them.

export const CATEGORY_IDS = [
  'main-character',
  'key-element',
  'talent-likeness',
  'documentary-imagery',
  'third-party-ip',
  'personal-data',
  'union-work',
  'final-deliverable',
  'data-handling',
] as const;

export type CategoryId = (typeof CATEGORY_IDS)[number];

/** The outcome of one note. `none` notes produce no finding. */
export type Outcome = 'approval-required' | 'approved' | 'disclose' | 'none';

/** Rule id of the finding for a low-risk use, which implies no category. */
export const DISCLOSE_RULE_ID = 'disclose';

export type Severity = 'error' | 'warning' | 'information' | 'hint';

export function isCategoryId(value: unknown): value is CategoryId {
  return typeof value === 'string' && (CATEGORY_IDS as readonly string[]).includes(value);
}
