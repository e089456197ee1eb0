// The neutral element list a screenplay reads into, whatever its file format. Fountain and Final
// Draft parsers both produce it, so facts about the script (who speaks, where it happens) are
// computed once, from one shape.
import type { Span } from '../types';

export type ScriptElementType =
  | 'scene-heading'
  | 'action'
  | 'character' // a cue: the speaker's name above dialogue
  | 'parenthetical'
  | 'dialogue'
  | 'lyrics'
  | 'transition'
  | 'centered'
  | 'page-break'
  | 'section' // Fountain # / Final Draft outline levels
  | 'synopsis' // Fountain = / Final Draft outline body or scene summary
  | 'shot' // Final Draft "Shot"
  | 'general'; // Final Draft "General" and unknown paragraph types

export interface ScriptElement {
  type: ScriptElementType;
  /** Where the element sits in the document, as written (may include inline notes). */
  span: Span;
  /**
   * The element's words for analysis: markers (`!`, `@`, `.`, `>`), scene numbers, inline
   * notes and boneyard removed, XML entities decoded. Not necessarily a slice of the document.
   */
  text: string;
  /** Scene headings: the scene number (`#1A#` in Fountain, `Number` in Final Draft). */
  sceneNumber?: string;
  /** Sections: nesting depth, 1 for `#`. */
  depth?: number;
  /** Cues: canonical name (upper case, no extension, no `@`/`^`). */
  characterName?: string;
  /** Cues: the extension as written, e.g. `(V.O.)` or `(CONT'D)`. */
  extension?: string;
  /** Cues (and their dialogue): part of a dual-dialogue pair. */
  dual?: boolean;
  /** Marked by a forcing character (`!`, `@`, `.`, `>`) rather than recognised by shape. */
  forced?: boolean;
}

/** A screenplay read into elements, in document order. */
export interface ParsedScript {
  title?: string;
  elements: ScriptElement[];
}
