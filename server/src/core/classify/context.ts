// What a note is read against: the screenplay's cast and settings and the production's config.
import type { EvidenceLocation } from '../findings';

export interface CharacterRef {
  /** Canonical name in upper case ("MARISOL", "BUS DRIVER"). */
  name: string;
  /** Why the character counts as main ("speaks 16 times in 9 scenes"), or that config says so. */
  reason: string;
  location?: EvidenceLocation;
}

export interface SettingRef {
  name: string;
  reason: string;
  location?: EvidenceLocation;
}

export interface CastMember {
  /** The real person's name ("Ana Prieto"). */
  name: string;
  /** The character they play, if known ("MARISOL"). */
  role?: string;
}

export interface NoteContext {
  mainCharacters: readonly CharacterRef[];
  /** Every other speaking character: naming one of them is not naming a main character. */
  minorCharacters: readonly string[];
  centralSettings: readonly SettingRef[];
  /** Props, creatures and vehicles the screenplay introduces in capitals and returns to. */
  keyElements: readonly SettingRef[];
  /** Capitalised words of the screenplay, lower case: names within the fiction. */
  storyNames: readonly string[];
  cast: readonly CastMember[];
  productionType: 'scripted' | 'documentary';
  /** Tools the production has cleared for use in an enterprise environment. */
  clearedTools: readonly string[];
}

export const EMPTY_CONTEXT: NoteContext = {
  mainCharacters: [],
  minorCharacters: [],
  centralSettings: [],
  keyElements: [],
  storyNames: [],
  cast: [],
  productionType: 'scripted',
  clearedTools: [],
};

/** A stable key of everything in the context that can change a note's classification. */
export function contextKey(context: NoteContext): string {
  return JSON.stringify([
    context.mainCharacters.map((c) => c.name),
    context.minorCharacters,
    context.centralSettings.map((s) => s.name),
    context.keyElements.map((e) => e.name),
    context.storyNames,
    context.cast,
    context.productionType,
    context.clearedTools,
  ]);
}
