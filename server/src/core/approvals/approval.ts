// Finds the written-approval reference a note cites ("Approval: NFX-GAI-0142"). "Approval:
// pending", "awaiting approval", "Approval: TBD" and "needs sign-off" are not references; a
// production may configure its own pattern (whose first capture group is the reference).
import type { TextPattern } from '../config/userPattern';
import data from './approval.json';

export interface ApprovalReference {
  /** The reference itself ("NFX-GAI-0142"). */
  reference: string;
  /** Where the whole citation ("Approval: NFX-GAI-0142") sits in the note text. */
  start: number;
  end: number;
}

export interface ApprovalLookup {
  reference?: ApprovalReference;
  /** The note speaks of approval without a reference ("Approval: pending"): shown in messages. */
  notYet?: string;
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const keywords = [...data.keywords].sort((a, b) => b.length - a.length).map(escape).join('|');
const notYet = [...data.notYet].sort((a, b) => b.length - a.length).map(escape).join('|');

// A tick before an ID ("✔ NFX-GAI-0704" in a table's approval column) cites it too, and so does
// an ID in the studio's own approval format standing alone ("Consent signed. NFX-GAI-0390").
// keyword, optional "ref"/"no."/"#"/":" glue, then an ID made of letters, digits, / . - _ with
// at least one digit. The lookbehind keeps "unapproved" from counting.
// Glue between the keyword and the reference: "ref", "no.", "#", ":", "(", "per", "under"…
const GLUE = `\\s*(?:(?:ref(?:erence)?\\.?|no\\.?|number|id|#|:|=|\\(|per|under|as|with|via|in|on|is|-\\s|studio|legal|memo|ticket|email|letter|request|case|form|file|code|the|a|an|by|,|;|w/|dpa|nda|contract|agreement|see|approvals?)\\s*)*`;
// An ID of letters, digits and / . - _ holding at least one digit.
// At least three characters: "Clearance memo 07" numbers a memo, it cites no approval.
const ID = `((?=[\\p{L}\\d/._-]*\\d)(?=[\\p{L}\\d/._-]{3})[\\p{L}\\d][\\p{L}\\d/._-]*[\\p{L}\\d])`;

export const DEFAULT_APPROVAL_PATTERN = new RegExp(
  `(?<![\\p{L}-])(?:(?:${keywords})\\b${GLUE}(?:by\\s+[\\p{L} ]{1,40}?,?\\s*(?:ref(?:erence)?\\.?)?\\s*:?\\s*)?${ID}|ref(?:erence)?\\.?\\s*(?:#|:)\\s*${ID}|${ID}\\s+(?:approved|signed off|cleared|approval (?:attached|on file|granted|received))\\b|(?<![\\p{L}\\d-])(NFX-GAI-\\d{2,})(?![\\p{L}\\d-])|[\\u2713\\u2714\\u2611\\u2705]\\ufe0f?\\s*${ID})`,
  'giu',
);

const NOT_YET_PATTERN = new RegExp(
  `(?<![\\p{L}-])(?:(?:${keywords})\\b\\s*[:#-]?\\s*(?:is\\s+|still\\s+)?(?:${notYet})(?![\\p{L}])|(?:${notYet})\\s+(?:(?:written|legal|studio)\\s+)?(?:${keywords})\\b)`,
  'iu',
);

const NOT_YET_WORD = new RegExp(`^(?:${notYet})$`, 'i');

const BARE_ID_NOT_YET = /\b(?:requested|request|pending|awaiting|await|to follow|tbd|tbc|applied|applying|submitted|not yet|refused|denied|rejected|expired|withdrawn|needs?|asked)\b/i;
const AFFIRMED = /\b(?:approved|signed[ -]off|cleared|green-?lit|ok(?:'d|ed)? in writing|written (?:ok|okay|approval)|approval (?:received|granted|given|attached|on file))\b/i;
const LATER_REFERENCE = new RegExp(`(?<![\\p{L}-])(?:(?:ref(?:erence)?\\.?|ticket|log entry|entry)\\s*[:#]?\\s*${ID}|(\\p{Lu}{3,}[-/](?:[\\p{Lu}\\d]+[-/])*\\d{3,}))`, 'u');

/** Every match of a pattern: the built-in RegExp, or a production's own (config/userPattern.ts). */
function matchesOf(text: string, pattern: RegExp | TextPattern): Iterable<RegExpMatchArray> {
  if (!(pattern instanceof RegExp)) return pattern.matchAll(text);
  return text.matchAll(new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : pattern.flags + 'g'));
}

/**
 * The approval a note cites, if any. `pattern` replaces the default: its first capture group
 * (or the whole match when it has none) is the reference.
 */
// "Approval NFX-GAI-0417 covers the temp only; the final mix is not approved": a reference
// that the note itself says does not cover the use is no approval of it.
const NOT_APPROVED = /\b(?:not|isn't|is not|wasn't|never)\s+(?:yet\s+)?(?:been\s+)?approved\b|\bunapproved\b|\bapproval\b[^.;]{0,40}?\b(?:was|has been|got)?\s*(?:denied|rejected|refused|withdrawn|revoked|expired)\b/i;

export function findApproval(text: string, pattern: RegExp | TextPattern = DEFAULT_APPROVAL_PATTERN): ApprovalLookup {
  const denial = NOT_APPROVED.exec(text);
  if (denial) return { notYet: denial[0] };
  for (const match of matchesOf(text, pattern)) {
    const reference = (match[1] ?? match[2] ?? match[3] ?? match[4] ?? match[5] ?? match[0]).trim();
    if (!reference || NOT_YET_WORD.test(reference)) continue;
    // A bare ID with "requested", "pending"… beside it is an application, not an approval.
    if (pattern === DEFAULT_APPROVAL_PATTERN && match[0].trim() === reference && /^NFX-GAI-\d/i.test(reference)) {
      const at = match.index ?? 0;
      if (BARE_ID_NOT_YET.test(text.slice(Math.max(0, at - 30), at + match[0].length + 30))) continue;
    }
    const start = match.index ?? 0;
    return { reference: { reference, start, end: start + match[0].length } };
  }
  const notYetMatch = NOT_YET_PATTERN.exec(text);
  if (notYetMatch) return { notYet: notYetMatch[0].trim() };
  // "signed off by studio legal with the consent attached - ref CLR/0422": the approval said in
  // words, its reference further on.
  if (pattern === DEFAULT_APPROVAL_PATTERN && AFFIRMED.test(text)) {
    const later = LATER_REFERENCE.exec(text);
    if (later) return { reference: { reference: later[1] ?? later[2], start: later.index, end: later.index + later[0].length } };
  }
  return {};
}
