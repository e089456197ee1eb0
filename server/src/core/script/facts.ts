// What a screenplay says about itself, from its neutral element list (Fountain or Final Draft):
// who speaks and how much, in how many scenes each character appears, which places recur.
// The classifier uses these to tell a main character from a one-line part, a central setting
// from a place seen once.
import type { CharacterStats, LocationStats, SceneInfo, ScriptFacts, Span } from '../types';
import type { ParsedScript, ScriptElement } from './elements';
import { canonicalCharacterName } from './characterName';
import { headingParts, locationAndParents } from './location';
import { storyTerms } from './storyTerms';

interface CharacterTally {
  name: string;
  speeches: number;
  words: number;
  scenes: Set<number>;
  firstCue: Span;
  order: number;
}

export function scriptFacts(parsed: ParsedScript): ScriptFacts {
  const scenes: SceneInfo[] = [];
  const tallies = new Map<string, CharacterTally>();
  // Action text per scene; index 0 holds what comes before the first heading.
  const actionByScene: string[][] = [[]];
  let speaker: CharacterTally | undefined;

  for (const element of parsed.elements) {
    switch (element.type) {
      case 'scene-heading':
        scenes.push(sceneInfo(element));
        actionByScene.push([]);
        speaker = undefined;
        break;
      case 'character': {
        const name = element.characterName ?? canonicalCharacterName(element.text);
        if (!name) {
          speaker = undefined;
          break;
        }
        let tally = tallies.get(name);
        if (!tally) {
          tally = { name, speeches: 0, words: 0, scenes: new Set(), firstCue: element.span, order: tallies.size };
          tallies.set(name, tally);
        }
        tally.speeches++;
        tally.scenes.add(scenes.length);
        speaker = tally;
        break;
      }
      case 'dialogue':
      case 'lyrics':
        if (speaker) speaker.words += countWords(element.text);
        break;
      case 'parenthetical':
        break;
      case 'action':
      case 'general':
      case 'shot':
      case 'centered':
        actionByScene[scenes.length].push(element.text);
        speaker = undefined;
        break;
      default:
        speaker = undefined;
    }
  }

  addScenesNamedInAction(tallies, actionByScene);
  const characters: CharacterStats[] = [...tallies.values()]
    .sort((a, b) => b.speeches - a.speeches || b.words - a.words || a.order - b.order)
    .map((t) => ({ name: t.name, speeches: t.speeches, words: t.words, scenes: t.scenes.size, firstCue: t.firstCue }));

  const terms = storyTerms(parsed, new Set(characters.map((c) => c.name)));
  const facts: ScriptFacts = { characters, scenes, locations: locationStats(scenes), elements: terms.elements, names: terms.names };
  if (parsed.title) facts.title = parsed.title;
  return facts;
}

function sceneInfo(element: ScriptElement): SceneInfo {
  const parts = headingParts(element.text);
  const scene: SceneInfo = { heading: element.text, span: element.span, location: parts.location };
  if (element.sceneNumber) scene.sceneNumber = element.sceneNumber;
  if (parts.intExt) scene.intExt = parts.intExt;
  if (parts.timeOfDay) scene.timeOfDay = parts.timeOfDay;
  return scene;
}

/**
 * Each distinct location with the scenes set there or in one of its parts. Only headings that
 * read as a place count: with an INT./EXT. prefix or a time of day. Forced headings such as
 * ".THE FINGER" or ".SCOTT" are shots, not settings.
 */
function locationStats(scenes: readonly SceneInfo[]): LocationStats[] {
  const stats = new Map<string, LocationStats & { order: number }>();
  for (const scene of scenes) {
    if (!scene.intExt && !scene.timeOfDay) continue;
    if (!scene.location) continue;
    for (const name of locationAndParents(scene.location)) {
      const known = stats.get(name);
      if (known) known.scenes++;
      else stats.set(name, { name, scenes: 1, firstHeading: scene.span, order: stats.size });
    }
  }
  return [...stats.values()]
    .sort((a, b) => b.scenes - a.scenes || a.order - b.order)
    .map(({ name, scenes: count, firstHeading }) => ({ name, scenes: count, firstHeading }));
}

/** Words of dialogue: runs of letters and digits, "don't" and "well-known" counting as one. */
export function countWords(text: string): number {
  let count = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (isWordCode(c, text, i)) {
      if (!inWord) count++;
      inWord = true;
    } else if (inWord && (c === 39 || c === 0x2019 || c === 45) && i + 1 < text.length && isWordCode(text.charCodeAt(i + 1), text, i + 1)) {
      // an apostrophe or hyphen inside a word
    } else {
      inWord = false;
    }
  }
  return count;
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}\p{M}]/u;

function isWordCode(c: number, text: string, i: number): boolean {
  if (c < 128) return (c >= 48 && c <= 57) || ((c | 0x20) >= 97 && (c | 0x20) <= 122);
  if (c >= 0xd800 && c <= 0xdfff) return LETTER_OR_DIGIT.test(text.slice(i, i + 2));
  return LETTER_OR_DIGIT.test(text[i]);
}

/**
 * A character is in a scene where the action names them, as a whole word and in any case:
 * "MARISOL and TEO walk", "Teo's bag". "TEO" does not match "TEODORA". All names go into one
 * case-insensitive alternation that the regex engine scans natively (several times faster than a
 * scan in script); whole-word boundaries are then checked by hand, because `\b` knows only ASCII.
 */
function addScenesNamedInAction(tallies: Map<string, CharacterTally>, actionByScene: readonly string[][]): void {
  const names = [...tallies.keys()].filter((name) => name.length > 0).sort((a, b) => b.length - a.length);
  if (names.length === 0) return;
  const anyName = new RegExp(names.map(escapeRegExp).join('|'), 'gi');
  actionByScene.forEach((texts, scene) => {
    for (const action of texts) {
      anyName.lastIndex = 0;
      let match: RegExpExecArray | null;
      while ((match = anyName.exec(action))) {
        const start = match.index;
        const end = start + match[0].length;
        if (start > 0 && isWordCode(action.charCodeAt(start - 1), action, start - 1)) continue;
        if (end < action.length && isWordCode(action.charCodeAt(end), action, end)) continue;
        tallies.get(match[0].toUpperCase())?.scenes.add(scene);
      }
    }
  });
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
