import type { CategoryId, Outcome, Severity } from './categories';
import type { NoteSpan, Span } from './types';

/** Where a piece of evidence sits: in the analysed document, or in another file (the screenplay). */
export interface EvidenceLocation {
  /** Absent: the analysed document itself. */
  path?: string;
  span: Span;
}

export type EvidenceKind =
  | 'marker' // the explicit AI marker ("GenAI:")
  | 'term' // words that triggered a category
  | 'main-character' // a character the screenplay makes main
  | 'central-setting' // a location the screenplay keeps returning to
  | 'real-person' // a named real person (cast entry, a name that is no character)
  | 'scope' // low-risk scope words ("mood board", "temp")
  | 'approval' // the approval reference
  | 'tool'; // a named generative tool

export interface Evidence {
  kind: EvidenceKind;
  category?: CategoryId;
  /** The words as written, or a short description ("speaks in 9 scenes"). */
  text: string;
  /** Where the words are in the note's own document. */
  span?: Span;
  /** Where the fact comes from, when that is elsewhere (the character's first cue). */
  location?: EvidenceLocation;
}

export interface Finding {
  /** The primary category's id, or `disclose` for a low-risk use. */
  ruleId: string;
  severity: Severity;
  outcome: Exclude<Outcome, 'none'>;
  /** Every category the note implies, in catalog order. */
  categories: CategoryId[];
  /** The note, delimiters included. */
  span: Span;
  message: string;
  /** The approval reference the note cites, if any. */
  approval: string | null;
  evidence: Evidence[];
  note: NoteSpan;
  /** A generative tool the note names ("Midjourney"). */
  tool?: string;
  /** Categories that saying the use is temporary would not lift (classify/classifyNote.ts). */
  keptWhenTemporary?: CategoryId[];
}
