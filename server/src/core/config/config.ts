// The production's settings: from `.genai-review.json` (found from a file's folder upward), from
// the editor's settings, or both, the file winning. Everything has a default, so a production
// without any config gets the studio rules as the guidance states them.
import { DEFAULT_MARKERS } from '../classify/aiUse';
import type { CastMember } from '../classify/context';
import type { CategoryId, Severity } from '../categories';

export type SeverityOrOff = Severity | 'off';

/** Severity keys: each category, plus the outcomes that carry no category. */
export type SeverityKey = CategoryId | 'approved' | 'disclose';

export interface GenaiReviewConfig {
  /** Title for the disclosure summary, when the title page has none. */
  productionTitle?: string;
  productionType: 'scripted' | 'documentary';
  /** Replace the main characters found in the screenplay. */
  mainCharacters: string[];
  /** Replace the central settings found in the screenplay. */
  centralSettings: string[];
  /** Real people (performers and others) and the characters they play. */
  cast: CastMember[];
  /** Words that open an AI-use note ("GenAI:", "AI:"). */
  markers: string[];
  /** A regular expression whose first capture group is the approval reference. */
  approvalPattern?: string;
  severity: Partial<Record<SeverityKey, SeverityOrOff>>;
  /** Which files are production notes and screenplays (globs, relative to the workspace). */
  include: string[];
  exclude: string[];
  /** Generative tools the production has cleared for enterprise use (no training on inputs). */
  clearedTools: string[];
  /** Files larger than this are skipped with a message. */
  maxFileSizeBytes: number;
}

export const DEFAULT_INCLUDE = ['**/*.fountain', '**/*.spmd', '**/*.fdx', '**/*.md', '**/*.markdown', '**/*.txt'];
export const DEFAULT_EXCLUDE = ['**/node_modules/**', '**/.git/**', '**/dist/**', '**/out/**', '**/CHANGELOG.md', '**/LICENSE*', '**/.tools/**'];

export function defaultConfig(): GenaiReviewConfig {
  return {
    productionType: 'scripted',
    mainCharacters: [],
    centralSettings: [],
    cast: [],
    markers: [...DEFAULT_MARKERS],
    severity: {},
    include: [...DEFAULT_INCLUDE],
    exclude: [...DEFAULT_EXCLUDE],
    clearedTools: [],
    maxFileSizeBytes: 5 * 1024 * 1024,
  };
}

/** Severity of a finding of `key` under the config, before any "off". */
export function severityFor(config: GenaiReviewConfig, key: SeverityKey, fallback: Severity): SeverityOrOff {
  return config.severity[key] ?? fallback;
}
