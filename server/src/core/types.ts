// Plain data shared by every part of the analysis. Offsets are UTF-16 code-unit indices into
// the document text (what JavaScript strings and LSP positions count); `end` is exclusive.

export interface Span {
  start: number;
  end: number;
}

/** How the document is read: screenplays (Fountain, Final Draft) or production notes. */
export type DocumentKind = 'fountain' | 'fdx' | 'markdown' | 'plaintext';

/**
 * What kind of region a candidate production note is. In a screenplay only notes, boneyard,
 * sections and synopses can be production notes; action, dialogue, cues and headings are story.
 */
export type NoteKind =
  | 'note' // Fountain [[ ]] (inline or across lines), an FDX ScriptNote
  | 'boneyard' // Fountain /* */
  | 'section' // Fountain # Section
  | 'synopsis' // Fountain = synopsis
  | 'heading' // Markdown heading
  | 'paragraph' // Markdown or plain-text paragraph
  | 'list-item' // Markdown list item
  | 'table-row' // Markdown table row
  | 'html-comment' // Markdown <!-- -->
  | 'line'; // plain-text line inside a paragraph, when lines are separate notes

/**
 * A region that may hold a production note. `text` is exactly
 * `document.slice(textSpan.start, textSpan.end)`: the content without its delimiters or list
 * marker, so an index into `text` plus `textSpan.start` is a document offset.
 */
export interface NoteSpan {
  kind: NoteKind;
  /** The whole note, delimiters included: what a diagnostic underlines. */
  span: Span;
  /** The content inside the delimiters. */
  textSpan: Span;
  text: string;
  /**
   * Present only when `text` is not a verbatim slice of the document (Final Draft: XML entities
   * decoded, several <Text> runs or paragraphs joined). Without it, `text[i]` sits at
   * `textSpan.start + i`. With it, use `noteOffset` / `noteSpanOf` from `core/text/noteOffset.ts`
   * (they work for every note).
   */
  textMap?: TextPiece[];
  /** Nearest scene heading, section or Markdown heading above the note, for the summary. */
  context?: string;
}

/**
 * `text.slice(at, at + length)` of a note came from `span` of the document: verbatim when
 * `span` is as long as the piece, else decoded (an entity such as `&amp;`, one character) or
 * inserted (a line break joining two paragraphs: an empty span).
 */
export interface TextPiece {
  at: number;
  length: number;
  span: Span;
}

/** A dialogue-speaking character as the screenplay itself shows it. */
export interface CharacterStats {
  /** Canonical name: upper case, extensions like (V.O.) and (CONT'D) removed. */
  name: string;
  /** Number of dialogue blocks the character speaks. */
  speeches: number;
  /** Words of dialogue. */
  words: number;
  /** Scenes in which the character speaks or is named in action. */
  scenes: number;
  /** The character's first cue: the evidence shown when the character counts as main. */
  firstCue: Span;
}

export interface SceneInfo {
  heading: string;
  span: Span;
  /** Normalised location: "LIGHTHOUSE - LAMP ROOM" from "INT. LIGHTHOUSE - LAMP ROOM - NIGHT". */
  location: string;
  sceneNumber?: string;
  /** The INT./EXT. prefix, when the heading has one. */
  intExt?: 'INT' | 'EXT' | 'INT/EXT' | 'EST';
  /** The time of day removed from the location ("NIGHT", "A FEW DAYS LATER"). */
  timeOfDay?: string;
}

export interface LocationStats {
  /** Normalised location, as in SceneInfo.location. */
  name: string;
  /** Scenes set there, counting sub-locations ("LIGHTHOUSE - STAIRWELL" counts for LIGHTHOUSE). */
  scenes: number;
  firstHeading: Span;
}

/** A thing the action introduces in capitals and returns to: a hero prop, creature, vehicle. */
export interface ElementStats {
  /** Upper case, as the action writes it ("ORRERY", "ARGUS"). */
  name: string;
  /** Scenes whose action mentions it, in any case. */
  scenes: number;
  firstMention: Span;
}

/** What a screenplay says about itself: who speaks, where it happens, what recurs. */
export interface ScriptFacts {
  title?: string;
  characters: CharacterStats[];
  scenes: SceneInfo[];
  locations: LocationStats[];
  /** Recurring story elements (key props, creatures, vehicles), most recurring first. */
  elements?: ElementStats[];
  /** Capitalised words the script uses (names, places), lower case: story names, not real people or works. */
  names?: string[];
}

/** A problem found while reading a document (malformed XML, an unclosed boneyard…). */
export interface ParseProblem {
  message: string;
  span: Span;
  severity: 'error' | 'warning' | 'information';
}

/** A document read into what the analysis needs. */
export interface ProductionDocument {
  kind: DocumentKind;
  text: string;
  notes: NoteSpan[];
  /** Present for screenplays. */
  script?: ScriptFacts;
  /** Title from the title page (Fountain) or front matter / first heading (Markdown). */
  title?: string;
  problems: ParseProblem[];
}
