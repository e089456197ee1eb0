// Words the screenplay itself uses, so that a note can be read against the story:
// - key elements: what the action writes in capitals (the Fountain habit for a prop, creature
//   or vehicle on its first appearance: "THE GRAND ORRERY", "ARGUS") and then returns to in
//   several scenes; such a thing is central to the story the way a recurring setting is;
// - story names: capitalised words of the script (names, places, brands within the fiction),
//   which a note may repeat without naming a real person or someone else's work.
import type { ElementStats } from '../types';
import type { ParsedScript } from './elements';

// Capitalised words in action that are camera, sound or formatting language, not things.
const NOT_ELEMENTS = new Set([
  'THE', 'AND', 'BUT', 'FOR', 'WITH', 'FROM', 'INTO', 'ONTO', 'OVER', 'UNDER', 'OFF', 'OUT', 'ALL', 'NOT', 'NOW', 'THEN', 'THIS', 'THAT',
  'ANGLE', 'CLOSE', 'CLOSEUP', 'WIDE', 'SHOT', 'POV', 'INSERT', 'BACK', 'SCENE', 'CONTINUOUS', 'LATER', 'CUT', 'FADE', 'DISSOLVE',
  'SMASH', 'MATCH', 'TITLE', 'TITLES', 'SUPER', 'CARD', 'CREDITS', 'END', 'MONTAGE', 'SERIES', 'SHOTS', 'INTERCUT', 'FLASHBACK',
  'PRESENT', 'DAY', 'NIGHT', 'MORNING', 'EVENING', 'DAWN', 'DUSK', 'BEAT', 'SILENCE', 'BANG', 'CRASH', 'BOOM', 'SLAM', 'THUD',
  'CLICK', 'RING', 'BUZZ', 'SCREAM', 'SCREAMS', 'VOICE', 'SFX', 'VFX', 'OFF', 'SCREEN', 'CAMERA', 'PAN', 'TILT', 'ZOOM', 'PUSH',
  'PULL', 'TRACK', 'DOLLY', 'CRANE', 'AERIAL', 'ESTABLISHING', 'OMIT', 'OMITTED', 'MORE', 'CONT', 'CONTD', 'YES', 'NO', 'OK',
  'HEY', 'WHAT', 'STOP', 'HELP', 'NEW', 'OLD', 'BIG', 'HUGE', 'VERY', 'REALLY', 'ARCHIVE', 'INTERVIEW', 'NARRATION', 'GRAPHIC',
  'SOUND', 'SOUNDS', 'RINGS', 'KICKS', 'AGAIN', 'LOUD', 'HARD', 'FAST', 'SLOW', 'WAIT', 'GO', 'RUN', 'HIT', 'HITS',
]);

const CAPS_RUN = /\b\p{Lu}[\p{Lu}'’-]{2,}(?:\s+\p{Lu}[\p{Lu}'’-]{2,})*\b/gu;
const CAPITALISED = /(?<![\p{L}\p{N}])\p{Lu}[\p{L}'’-]*/gu;
const LOWER_WORD = /(?<![\p{L}\p{N}])\p{Ll}[\p{L}'’-]*/gu;

export interface StoryTerms {
  elements: ElementStats[];
  names: string[];
}

export function storyTerms(parsed: ParsedScript, characterNames: ReadonlySet<string>): StoryTerms {
  const actionByScene: { text: string; start: number }[][] = [[]];
  const names = new Set<string>();
  // Words the script also writes in lower case ("the", "great") are ordinary words, not names.
  const lowerWords = new Set<string>();
  for (const element of parsed.elements) {
    if (element.type === 'scene-heading') {
      actionByScene.push([]);
      for (const word of element.text.split(/[^\p{L}'’-]+/u)) if (word.length > 1) names.add(word.toLowerCase());
      continue;
    }
    if (element.type === 'action' || element.type === 'dialogue' || element.type === 'lyrics' || element.type === 'centered') {
      for (const sentence of element.text.split(/(?<=[.!?:;"“”])\s+/)) {
        for (const m of sentence.matchAll(CAPITALISED)) if ((m.index ?? 0) > 0) names.add(m[0].toLowerCase().replace(/['’]s$/, ''));
      }
      for (const m of element.text.matchAll(LOWER_WORD)) lowerWords.add(m[0]);
    }
    if (element.type === 'action') actionByScene[actionByScene.length - 1].push({ text: element.text, start: element.span.start });
  }

  // Candidates: capitalised runs in action and their last word ("GRAND ORRERY" and "ORRERY").
  const candidates = new Map<string, number>();
  for (const scene of actionByScene) {
    for (const { text, start } of scene) {
      for (const m of text.matchAll(CAPS_RUN)) {
        const words = m[0].split(/\s+/).map((w) => w.replace(/['’]S$/, '')).filter((w) => !NOT_ELEMENTS.has(w));
        if (words.length === 0) continue;
        const run = words.join(' ');
        const head = words[words.length - 1];
        for (const name of new Set([run, head])) {
          if (characterNames.has(name) || [...characterNames].some((c) => c.split(/\s+/).includes(name))) continue;
          if (!candidates.has(name)) candidates.set(name, start + (m.index ?? 0));
        }
      }
    }
  }
  const elements: ElementStats[] = [];
  for (const [name, first] of candidates) {
    const pattern = new RegExp(`(?<![\\p{L}\\p{N}])${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}])`, 'iu');
    const scenes = actionByScene.filter((scene) => scene.some((a) => pattern.test(a.text))).length;
    if (scenes >= 2) elements.push({ name, scenes, firstMention: { start: first, end: first + name.length } });
  }
  // A run and its head word name the same thing: keep the one that recurs most (the shorter on a tie).
  const kept = elements.filter((e) => !elements.some((o) => o !== e && o.name.endsWith(' ' + e.name) === false && e.name.endsWith(' ' + o.name) && o.scenes >= e.scenes));
  const storyNames = [...names].filter((n) => n.length > 1 && !lowerWords.has(n));
  return { elements: kept.sort((a, b) => b.scenes - a.scenes), names: storyNames.sort() };
}
