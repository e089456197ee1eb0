// The editor's `genaiReview.*` settings as a config layer under any `.genai-review.json`. The
// client may send anything, so every value is checked; a bad value is dropped (the default
// stays) and named in a message rather than breaking the review.
import { CATEGORY_IDS } from '../core/categories';
import type { CastMember } from '../core/classify/context';
import type { GenaiReviewConfig, SeverityKey, SeverityOrOff } from '../core/config/config';
import { checkUserGlob, checkUserPattern } from '../core/config/userPattern';

export const SEVERITY_KEYS: readonly SeverityKey[] = [...CATEGORY_IDS, 'approved', 'disclose'];
const SEVERITIES: readonly SeverityOrOff[] = ['error', 'warning', 'information', 'hint', 'off'];
const LIST_KEYS = ['mainCharacters', 'centralSettings', 'markers', 'include', 'exclude', 'clearedTools'] as const;

export interface SettingsLayer {
  config: Partial<GenaiReviewConfig>;
  /** One sentence per setting that could not be used. */
  problems: string[];
}

function isStringList(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((v) => typeof v === 'string');
}

/** Reads the `genaiReview` settings section (as `workspace/configuration` returns it). */
export function settingsToConfig(section: unknown): SettingsLayer {
  const config: Partial<GenaiReviewConfig> = {};
  const problems: string[] = [];
  if (section === null || typeof section !== 'object') return { config, problems };
  const s = section as Record<string, unknown>;
  const bad = (key: string, why: string) => problems.push(`Setting genaiReview.${key} ${why}; its default is used.`);

  for (const key of LIST_KEYS) {
    const value = s[key];
    if (value === undefined || value === null) continue;
    if (!isStringList(value)) bad(key, 'must be a list of strings');
    else if (key === 'markers' && value.some((m) => m.trim() === '')) bad(key, 'must not hold an empty marker');
    else if ((key === 'include' || key === 'exclude') && value.some((g) => g.trim() !== '' && checkUserGlob(g))) {
      const glob = value.find((g) => g.trim() !== '' && checkUserGlob(g))!;
      bad(key, `holds the glob "${glob}", which ${checkUserGlob(glob)}`);
    }    else config[key] = value.filter((v) => v.trim() !== '');
  }
  if (typeof s.productionTitle === 'string' && s.productionTitle.trim()) config.productionTitle = s.productionTitle.trim();
  if (s.productionType !== undefined) {
    if (s.productionType === 'scripted' || s.productionType === 'documentary') config.productionType = s.productionType;
    else bad('productionType', 'must be "scripted" or "documentary"');
  }
  if (typeof s.approvalPattern === 'string' && s.approvalPattern !== '') {
    const problem = checkUserPattern(s.approvalPattern);
    if (problem) bad('approvalPattern', problem);
    else config.approvalPattern = s.approvalPattern;
  }
  if (s.maxFileSizeBytes !== undefined) {
    if (typeof s.maxFileSizeBytes === 'number' && Number.isInteger(s.maxFileSizeBytes) && s.maxFileSizeBytes > 0) config.maxFileSizeBytes = s.maxFileSizeBytes;
    else bad('maxFileSizeBytes', 'must be a positive whole number of bytes');
  }
  if (s.cast !== undefined) {
    const cast = readCast(s.cast);
    if (cast) config.cast = cast;
    else bad('cast', 'must be a list of names or of { "name": …, "role": … } objects');
  }
  if (s.severity !== undefined && s.severity !== null) {
    if (typeof s.severity !== 'object') bad('severity', 'must be an object');
    else {
      const severity: Partial<Record<SeverityKey, SeverityOrOff>> = {};
      for (const [key, value] of Object.entries(s.severity as Record<string, unknown>)) {
        if (!SEVERITY_KEYS.includes(key as SeverityKey)) continue;
        if (SEVERITIES.includes(value as SeverityOrOff)) severity[key as SeverityKey] = value as SeverityOrOff;
        else bad(`severity.${key}`, `must be one of ${SEVERITIES.join(', ')}`);
      }
      config.severity = severity;
    }
  }
  return { config, problems };
}

function readCast(value: unknown): CastMember[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const cast: CastMember[] = [];
  for (const member of value) {
    if (typeof member === 'string' && member.trim()) cast.push({ name: member.trim() });
    else if (member && typeof member === 'object' && typeof (member as CastMember).name === 'string') {
      const { name, role } = member as CastMember;
      if (role !== undefined && typeof role !== 'string') return undefined;
      cast.push(role ? { name, role } : { name });
    } else return undefined;
  }
  return cast;
}
