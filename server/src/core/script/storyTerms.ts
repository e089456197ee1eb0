// Words the screenplay itself uses, so that a note can be read against the story:
// - key elements: what the action writes in capitals (the Fountain habit for a prop, creature
//   or vehicle on its first appearance: "THE GRAND ORRERY", "ARGUS") and then returns to in
//   several scenes; such a thing is central to the story the way a recurring setting is;
// - story names: capitalised words of the script (names, places, brands within the fiction),
//   which a note may repeat without naming a real person or someone else's work.
//
// Each function here reads one element or one name, so that facts.ts can compute them per part
// of a script and keep the parts an edit did not touch.
import type { ElementStats } from '../types';
import type { ScriptElement } from './elements';

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
  'WAS', 'IS', 'ARE', 'WERE', 'BE', 'BEEN', 'HAS', 'HAVE', 'HAD', 'IT', 'HE', 'SHE', 'THEY', 'WE', 'YOU', 'HIS', 'HER', 'ITS',
  'OUR', 'THEIR', 'NEVER', 'BORN', 'DIED', 'DEAD', 'AGED', 'IN', 'ON', 'AT', 'OF', 'TO', 'BY', 'AS', 'OR', 'IF',
  'LOWER', 'THIRD', 'THIRDS', 'ARCHIVAL', 'ARCHIVE', 'CHYRON', 'CAPTION', 'CAPTIONS', 'SUBTITLE', 'SUBTITLES', 'TEXT', 'ON-SCREEN',
]);

const PERSON_INTRO = /^\s*[(,]\s*(?:\d|early|mid|late|teen|twent|thirt|fort|fift|sixt|sevent|eight|ninet)/i;
const PEOPLE = new Set([
  'MEN', 'WOMEN', 'GIRLS', 'BOYS', 'KIDS', 'CHILDREN', 'PEOPLE', 'TEENS', 'TEENAGERS', 'TWINS', 'FAMILY', 'FAMILIES', 'CROWD', 'CROWDS',
  'DANCERS', 'SINGERS', 'MUSICIANS', 'CHORUS', 'BAND', 'EXTRAS', 'ROUGHNECKS', 'DOCKERS', 'OPERATORS', 'WORKERS', 'STRIKERS', 'MINERS',
  'SOLDIERS', 'SAILORS', 'GUARDS', 'OFFICERS', 'POLICE', 'NURSES', 'DOCTORS', 'REPORTERS', 'JOURNALISTS', 'PHOTOGRAPHERS', 'FANS',
  'PROTESTERS', 'PASSENGERS', 'STUDENTS', 'PUPILS', 'GUESTS', 'VILLAGERS', 'LOCALS', 'TOURISTS', 'SPECTATORS', 'ONLOOKERS', 'MOURNERS',
  'DIVERS', 'CLIMBERS', 'HIKERS', 'RANGERS', 'PICKERS', 'GROWERS', 'COLONISTS', 'GUESTS', 'WAITERS', 'PILOTS',
  'CREW', 'TEAM', 'STAFF', 'COPS', 'AGENTS', 'FIREFIGHTERS', 'FARMERS', 'FISHERMEN', 'HANDS', 'DECKHANDS', 'RIDERS', 'PLAYERS',
]);
const CAPS_RUN = /\b\p{Lu}[\p{Lu}'’-]{2,}(?:\s+\p{Lu}[\p{Lu}'’-]{2,})*\b/gu;
const CAPITALISED = /(?<![\p{L}\p{N}])\p{Lu}[\p{L}'’-]*/gu;
const LOWER_WORD = /(?<![\p{L}\p{N}])\p{Ll}[\p{L}'’-]*/gu;

/**
 * Adds the story names an element shows (the words of a heading, capitalised words inside
 * sentences) and the words it writes in lower case.
 */
export function addStoryNames(element: ScriptElement, names: Set<string>, lowerWords: Set<string>): void {
  if (element.type === 'scene-heading') {
    for (const word of element.text.split(/[^\p{L}'’-]+/u)) if (word.length > 1) names.add(word.toLowerCase());
    return;
  }
  if (element.type === 'action' || element.type === 'dialogue' || element.type === 'lyrics' || element.type === 'centered') {
    for (const sentence of element.text.split(/(?<=[.!?:;"“”])\s+/)) {
      for (const m of sentence.matchAll(CAPITALISED)) if ((m.index ?? 0) > 0) names.add(m[0].toLowerCase().replace(/['’]s$/, ''));
    }
    for (const m of element.text.matchAll(LOWER_WORD)) lowerWords.add(m[0]);
  }
}

/** Story names of the whole script: words the script also writes in lower case ("the", "great") are ordinary words, not names. */
export function storyNamesOf(names: Iterable<string>, lowerWords: { has(word: string): boolean }): string[] {
  return [...names].filter((n) => n.length > 1 && !lowerWords.has(n)).sort();
}

/**
 * Candidate key elements in one action text, in order: each capitalised run and its last word
 * ("GRAND ORRERY" and "ORRERY"), with the offset of the run in `text`.
 */
export function elementCandidates(text: string, found: (name: string, at: number, companions: readonly string[]) => void): void {
  for (const m of text.matchAll(CAPS_RUN)) {
    // "WALT BRZEZINSKI (88, former trainer…)", "WARREN (40s)": a person introduced, not a thing.
    if (PERSON_INTRO.test(text.slice((m.index ?? 0) + m[0].length, (m.index ?? 0) + m[0].length + 16))) continue;
    const words = m[0].split(/\s+/).map((w) => w.replace(/['’]S$/, '')).filter((w) => !NOT_ELEMENTS.has(w));
    if (words.length === 0) continue;
    // "a dozen TEENAGE GIRLS", "the ROUGHNECKS": people in numbers are a crowd, not a key element.
    if (PEOPLE.has(words[words.length - 1])) continue;
    const run = words.join(' ');
    const head = words[words.length - 1];
    // The run's words as written without a possessive (for the head, its other words): "IRENE
    // KOWALCZYK" gives IRENE (so a character's full name), "IRENE'S GLOVES" gives GLOVES alone.
    const plain = m[0].split(/\s+/).filter((w) => !/['’]S$/.test(w));
    for (const name of new Set([run, head])) found(name, m.index ?? 0, name === head ? plain.filter((w) => w !== head) : plain);
  }
}

/** Names that are characters, or words of a character's name: never key elements. */
export function characterWords(characterNames: Iterable<string>): Set<string> {
  const out = new Set<string>();
  for (const c of characterNames) {
    out.add(c);
    for (const word of c.split(/\s+/)) out.add(word);
  }
  return out;
}

/** Finds `name` as a whole word, in any case, in an action text. */
export function mentionPattern(name: string): RegExp {
  return new RegExp(`(?<![\\p{L}\\p{N}])${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}])`, 'iu');
}

/** A run and its head word name the same thing: keeps the one that recurs most (the shorter on a tie), most recurring first. */
export function distinctElements(elements: ElementStats[]): ElementStats[] {
  const byName = new Map(elements.map((e) => [e.name, e]));
  const kept = elements.filter((e) => {
    // Another element that is a trailing part of this one ("ORRERY" of "GRAND ORRERY") and not the other way round.
    for (let space = e.name.indexOf(' '); space >= 0; space = e.name.indexOf(' ', space + 1)) {
      const o = byName.get(e.name.slice(space + 1));
      if (o && o !== e && !o.name.endsWith(' ' + e.name) && o.scenes >= e.scenes) return false;
    }
    return true;
  });
  return kept.sort((a, b) => b.scenes - a.scenes);
}
