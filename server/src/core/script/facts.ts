// What a screenplay says about itself, from its neutral element list (Fountain or Final Draft):
// who speaks and how much, in how many scenes each character appears, which places recur.
// The classifier uses these to tell a main character from a one-line part, a central setting
// from a place seen once.
//
// A script is read in parts (a Fountain script in the blocks between its blank lines, see
// documents/fountain/chunks.ts): each part is summarised once, on its own, with offsets relative
// to where it starts; the facts are then added up over the parts. After an edit only the parts
// it touched are summarised again, and the costly searches (which character names and which key
// elements the action mentions) run only on new parts and for new names.
import type { CharacterStats, ElementStats, LocationStats, SceneInfo, ScriptFacts, Span } from '../types';
import type { ParsedScript, ScriptElement } from './elements';
import { canonicalCharacterName } from './characterName';
import { headingParts, locationAndParents } from './location';
import { addStoryNames, characterWords, distinctElements, elementCandidates, mentionPattern, storyNamesOf } from './storyTerms';

/** The speaker before a part carries on into it. */
const INCOMING = -2;
/** No one is speaking. */
const NONE = -1;

interface CueFact {
  name: string;
  span: Span;
  /** Headings of the part before the cue. */
  segment: number;
  /** Words of the dialogue and lyrics under this cue, within the part. */
  words: number;
}

/** One part of a script on its own. Offsets are relative to the part's start. */
export interface FactsSummary {
  headings: SceneInfo[];
  /** Dialogue and lyrics words at the start of the part that belong to the speaker before it. */
  leadWords: number;
  cues: CueFact[];
  /** Who speaks at the end of the part: INCOMING, NONE, or an index into `cues`. */
  exit: number;
  /** Action-like texts (action, general, shot, centered), where characters are named. */
  namedActions: { text: string; segment: number }[];
  /** Action texts, where key elements are named. */
  storyActions: { text: string; start: number; segment: number }[];
  names: string[];
  /** Words the part writes in lower case: a name the script also writes so is no story name. */
  lowerWords: string[];
  /** Key-element candidates, each at its first place in the part. */
  candidates: { name: string; start: number; companions: readonly string[] }[];
  /** Filled by the aggregator: characters named in `namedActions`, for one set of names. */
  named?: { source: string; hits: { name: string; segment: number }[] };
  /** Filled by the aggregator: candidate ids (of its registry) found per segment, as pairs. */
  presence?: { registry: CandidateRegistry; tested: number; hits: number[] };
  /** Filled by the aggregator: the headings placed at `start` (reused while the part stays there). */
  placed?: { start: number; scenes: SceneInfo[] };
}

export function summarizeFacts(elements: readonly ScriptElement[]): FactsSummary {
  const summary: FactsSummary = { headings: [], leadWords: 0, cues: [], exit: INCOMING, namedActions: [], storyActions: [], names: [], lowerWords: [], candidates: [] };
  const names = new Set<string>();
  const lowerWords = new Set<string>();
  const candidates = new Map<string, { start: number; companions: readonly string[] }>();
  let segment = 0;
  let speaker = INCOMING;
  for (const element of elements) {
    addStoryNames(element, names, lowerWords);
    switch (element.type) {
      case 'scene-heading':
        summary.headings.push(sceneInfo(element));
        segment++;
        speaker = NONE;
        break;
      case 'character': {
        const name = element.characterName ?? canonicalCharacterName(element.text);
        if (!name) {
          speaker = NONE;
          break;
        }
        summary.cues.push({ name, span: element.span, segment, words: 0 });
        speaker = summary.cues.length - 1;
        break;
      }
      case 'dialogue':
      case 'lyrics':
        if (speaker === INCOMING) summary.leadWords += countWords(element.text);
        else if (speaker >= 0) summary.cues[speaker].words += countWords(element.text);
        break;
      case 'parenthetical':
        break;
      case 'action':
      case 'general':
      case 'shot':
      case 'centered':
        summary.namedActions.push({ text: element.text, segment });
        speaker = NONE;
        break;
      default:
        speaker = NONE;
    }
    if (element.type === 'action') {
      const start = element.span.start;
      summary.storyActions.push({ text: element.text, start, segment });
      elementCandidates(element.text, (name, at, companions) => {
        if (!candidates.has(name)) candidates.set(name, { start: start + at, companions });
      });
    }
  }
  summary.exit = speaker;
  summary.names = [...names];
  summary.lowerWords = [...lowerWords];
  summary.candidates = [...candidates].map(([name, c]) => ({ name, start: c.start, companions: c.companions }));
  return summary;
}

/** A summarised part and where it starts in the document. */
export interface FactsPart {
  summary: FactsSummary;
  start: number;
}

/** Key-element candidates by id, each with its search pattern; ids are stable while the registry lives. */
class CandidateRegistry {
  readonly ids = new Map<string, number>();
  readonly names: string[] = [];
  /** Compiled on first need: a case-insensitive Unicode pattern costs about a millisecond to compile. */
  private readonly patterns: (RegExp | undefined)[] = [];
  /** Lower-case name of each ASCII candidate (else undefined): see `lowerForSearch`. */
  readonly asciiLower: (string | undefined)[] = [];
  /** ASCII candidates by the first word of their lower-case name; the other candidates are always searched for. */
  readonly byFirstWord = new Map<string, number[]>();
  readonly otherIds: number[] = [];
  /** Per action text, the ids it has been searched for and those it mentions: a keystroke changes one action, not the others. */
  readonly actions = new Map<string, ActionSearch>();

  id(name: string): number {
    let id = this.ids.get(name);
    if (id === undefined) {
      id = this.names.length;
      this.ids.set(name, id);
      this.names.push(name);
      this.patterns.push(undefined);
      const lower = /[^\u0020-\u007e]/.test(name) ? undefined : name.toLowerCase();
      this.asciiLower.push(lower);
      const first = lower === undefined ? undefined : /^[a-z0-9]+/.exec(lower)?.[0];
      if (first === undefined) this.otherIds.push(id);
      else {
        const known = this.byFirstWord.get(first);
        if (known) known.push(id);
        else this.byFirstWord.set(first, [id]);
      }
    }
    return id;
  }

  get size(): number {
    return this.names.length;
  }

  /** Whether the action mentions candidate `id`, as a whole word in any case. */
  mentions(id: number, action: string, known: ActionSearch): boolean {
    const name = this.asciiLower[id];
    if (name !== undefined && known.lower !== undefined) return asciiMention(action, known.lower, name);
    const pattern = (this.patterns[id] ??= mentionPattern(this.names[id]));
    return pattern.test(action);
  }
}

const LETTER_OR_NUMBER = /[\p{L}\p{N}]/u;

/** Whether the code point ending just before `at` (or starting at `at`) is a letter or number. */
function letterBefore(text: string, at: number): boolean {
  if (at <= 0) return false;
  const low = text.charCodeAt(at - 1);
  const start = low >= 0xdc00 && low <= 0xdfff && at >= 2 ? at - 2 : at - 1;
  return LETTER_OR_NUMBER.test(String.fromCodePoint(text.codePointAt(start)!));
}

function letterAt(text: string, at: number): boolean {
  return at < text.length && LETTER_OR_NUMBER.test(String.fromCodePoint(text.codePointAt(at)!));
}

/**
 * The whole-word search of mentionPattern for an ASCII name, where `lower` (lowerForSearch) is
 * sound: every place the lower-case text holds the name, with no letter or number around it.
 */
function asciiMention(text: string, lower: string, name: string): boolean {
  for (let at = lower.indexOf(name); at >= 0; at = lower.indexOf(name, at + 1)) {
    if (!letterBefore(text, at) && !letterAt(text, at + name.length)) return true;
  }
  return false;
}

interface ActionSearch {
  tested: number;
  found: number[];
  /** See `lowerForSearch`; with it, the action's ASCII words. */
  lower: string | undefined;
  words: Set<string> | undefined;
}

/**
 * The candidates an action may mention, from `from` on: those whose first word is one of the
 * action's words, and those the quick look cannot judge. A whole-word match of an ASCII name
 * starts with the name's first word, as a run of letters and digits of its own in the text.
 */
function candidatesIn(known: ActionSearch, registry: CandidateRegistry, from: number): number[] {
  const ids = new Set<number>();
  for (const word of known.words!) for (const id of registry.byFirstWord.get(word) ?? []) if (id >= from) ids.add(id);
  for (const id of registry.otherIds) if (id >= from) ids.add(id);
  return [...ids].sort((a, b) => a - b);
}

/**
 * The text in lower case, for a quick look before the whole-word search: a case-insensitive
 * match of an ASCII name is made of the name's letters in either case, or of the Kelvin sign
 * and the long s (which fold to k and s). Without those two, an action that does not contain
 * the lower-case name cannot mention it. Undefined when the quick look is not sound.
 */
function lowerForSearch(text: string): string | undefined {
  if (/[\u212a\u017f]/.test(text)) return undefined;
  const lower = text.toLowerCase();
  // Offsets in the lower-case text must be offsets in the text ("İ" lower-cases to two characters).
  return lower.length === text.length ? lower : undefined;
}

interface CharacterTally {
  name: string;
  speeches: number;
  words: number;
  scenes: Set<number>;
  firstCue: Span;
  order: number;
}

/**
 * Adds up the facts of a script from its parts. Keep one aggregator per document: it remembers
 * which candidates it has searched every part for, so that after an edit only new parts and new
 * names are searched.
 */
export class FactsAggregator {
  private registry = new CandidateRegistry();
  private namesKey = '';
  private namesSource = '';
  /** Story names counted over the parts of the last call, so that the next call counts only new and gone parts. */
  private named = new Set<FactsSummary>();
  private readonly nameCounts = new Map<string, number>();
  private readonly lowerCounts = new Map<string, number>();
  private sortedNames: string[] | undefined;

  facts(parts: readonly FactsPart[], title?: string): ScriptFacts {
    const scenes: SceneInfo[] = [];
    const tallies = new Map<string, CharacterTally>();
    let speaker: CharacterTally | undefined;
    for (const { summary, start } of parts) {
      const base = scenes.length;
      if (summary.headings.length > 0) {
        if (summary.placed?.start !== start) summary.placed = { start, scenes: summary.headings.map((h) => ({ ...h, span: shift(h.span, start) })) };
        for (const scene of summary.placed.scenes) scenes.push(scene);
      }
      if (speaker) speaker.words += summary.leadWords;
      for (const cue of summary.cues) {
        let tally = tallies.get(cue.name);
        if (!tally) {
          tally = { name: cue.name, speeches: 0, words: 0, scenes: new Set(), firstCue: shift(cue.span, start), order: tallies.size };
          tallies.set(cue.name, tally);
        }
        tally.speeches++;
        tally.scenes.add(base + cue.segment);
        tally.words += cue.words;
      }
      if (summary.exit === NONE) speaker = undefined;
      else if (summary.exit >= 0) speaker = tallies.get(summary.cues[summary.exit].name);
    }

    this.addScenesNamedInAction(parts, tallies);
    const characters: CharacterStats[] = [...tallies.values()]
      .sort((a, b) => b.speeches - a.speeches || b.words - a.words || a.order - b.order)
      .map((t) => ({ name: t.name, speeches: t.speeches, words: t.words, scenes: t.scenes.size, firstCue: t.firstCue }));
    const elements = this.keyElements(parts, new Set(characters.map((c) => c.name)));
    const facts: ScriptFacts = { characters, scenes, locations: locationStats(scenes), elements, names: this.storyNames(parts) };
    if (title) facts.title = title;
    return facts;
  }

  /** Every story name of the parts, sorted; counts only the words of parts added or gone since the last call. */
  private storyNames(parts: readonly FactsPart[]): string[] {
    const current = new Set<FactsSummary>();
    for (const { summary } of parts) current.add(summary);
    const tally = (counts: Map<string, number>, words: readonly string[], by: number) => {
      for (const word of words) {
        const n = (counts.get(word) ?? 0) + by;
        if (n === 0) counts.delete(word);
        else counts.set(word, n);
        if (n === 0 || n === by) this.sortedNames = undefined;
      }
    };
    const count = (summary: FactsSummary, by: number) => {
      tally(this.nameCounts, summary.names, by);
      tally(this.lowerCounts, summary.lowerWords, by);
    };
    for (const summary of this.named) if (!current.has(summary)) count(summary, -1);
    for (const summary of current) if (!this.named.has(summary)) count(summary, 1);
    this.named = current;
    this.sortedNames ??= storyNamesOf(this.nameCounts.keys(), this.lowerCounts);
    return [...this.sortedNames];
  }

  /**
   * A character is in a scene where the action names them, as a whole word and in any case:
   * "MARISOL and TEO walk", "Teo's bag". "TEO" does not match "TEODORA". All names go into one
   * case-insensitive alternation that the regex engine scans natively (several times faster
   * than a scan in script); whole-word boundaries are then checked by hand, because `\b` knows
   * only ASCII. A part keeps its matches while the names stay the same.
   */
  private addScenesNamedInAction(parts: readonly FactsPart[], tallies: Map<string, CharacterTally>): void {
    const sorted = [...tallies.keys()].filter((name) => name.length > 0).sort((a, b) => b.length - a.length);
    if (sorted.length === 0) return;
    const key = sorted.join('\n');
    if (key !== this.namesKey) {
      this.namesKey = key;
      this.namesSource = sorted.map(escapeRegExp).join('|');
    }
    const source = this.namesSource;
    let anyName: RegExp | undefined;
    let base = 0;
    for (const { summary } of parts) {
      if (summary.namedActions.length > 0) {
        if (summary.named?.source !== source) {
          anyName ??= new RegExp(source, 'gi');
          summary.named = { source, hits: namesIn(summary, anyName) };
        }
        for (const hit of summary.named.hits) tallies.get(hit.name)?.scenes.add(base + hit.segment);
      }
      base += summary.headings.length;
    }
  }

  /** Capitalised things of the action that come back in two or more scenes. */
  private keyElements(parts: readonly FactsPart[], characterNames: ReadonlySet<string>): ElementStats[] {
    const excluded = characterWords(characterNames);
    const first = new Map<string, number>();
    for (const { summary, start } of parts) {
      // A head written after a character's name is their surname ("IRENE KOWALCZYK").
      for (const c of summary.candidates) if (!excluded.has(c.name) && !c.companions.some((w) => excluded.has(w)) && !first.has(c.name)) first.set(c.name, start + c.start);
    }
    if (this.registry.size > 2 * first.size + 500) this.registry = new CandidateRegistry();
    const registry = this.registry;
    for (const name of first.keys()) registry.id(name);
    // Scene counts per candidate id; parts come in document order, so scenes only grow.
    const size = registry.size;
    const wanted = new Uint8Array(size);
    for (const name of first.keys()) wanted[registry.id(name)] = 1;
    const counts = new Int32Array(size);
    const last = new Int32Array(size).fill(-1);
    let base = 0;
    for (const { summary } of parts) {
      if (summary.storyActions.length > 0) {
        const hits = presenceIn(summary, registry);
        for (let h = 0; h < hits.length; h += 2) {
          const id = hits[h];
          const scene = base + hits[h + 1];
          if (wanted[id] && last[id] !== scene) {
            counts[id]++;
            last[id] = scene;
          }
        }
      }
      base += summary.headings.length;
    }
    const elements: ElementStats[] = [];
    for (const [name, at] of first) {
      const scenes = counts[registry.id(name)];
      if (scenes >= 2) elements.push({ name, scenes, firstMention: { start: at, end: at + name.length } });
    }
    return distinctElements(elements);
  }
}

function namesIn(summary: FactsSummary, anyName: RegExp): { name: string; segment: number }[] {
  const hits: { name: string; segment: number }[] = [];
  for (const { text: action, segment } of summary.namedActions) {
    anyName.lastIndex = 0;
    let match: RegExpExecArray | null;
    while ((match = anyName.exec(action))) {
      const start = match.index;
      const end = start + match[0].length;
      if (start > 0 && isWordCode(action.charCodeAt(start - 1), action, start - 1)) continue;
      if (end < action.length && isWordCode(action.charCodeAt(end), action, end)) continue;
      hits.push({ name: match[0].toUpperCase(), segment });
    }
  }
  return hits;
}

/** Pairs (candidate id, segment) for every registered candidate the part's action mentions; searches only for ids new to the part. */
function presenceIn(summary: FactsSummary, registry: CandidateRegistry): number[] {
  let presence = summary.presence;
  if (!presence || presence.registry !== registry) presence = summary.presence = { registry, tested: 0, hits: [] };
  if (presence.tested === registry.size) return presence.hits;
  if (registry.actions.size > 5000) registry.actions.clear();
  const bySegment = new Map<number, Set<number>>();
  for (const action of summary.storyActions) {
    let known = registry.actions.get(action.text);
    if (!known) {
      const lower = lowerForSearch(action.text);
      known = { tested: 0, found: [], lower, words: lower === undefined ? undefined : new Set<string>(lower.match(/[a-z0-9]+/g)) };
      registry.actions.set(action.text, known);
    }
    const total = registry.size;
    const likely = known.words ? candidatesIn(known, registry, known.tested) : undefined;
    for (let k = 0, id = known.tested; likely ? k < likely.length : id < total; k++, id++) {
      const candidate = likely ? likely[k] : id;
      if (registry.mentions(candidate, action.text, known)) known.found.push(candidate);
    }
    known.tested = total;
    if (known.found.length === 0) continue;
    let ids = bySegment.get(action.segment);
    if (!ids) bySegment.set(action.segment, (ids = new Set()));
    for (const id of known.found) ids.add(id);
  }
  presence.hits = [];
  for (const [segment, ids] of bySegment) for (const id of ids) presence.hits.push(id, segment);
  presence.tested = registry.size;
  return presence.hits;
}

export function scriptFacts(parsed: ParsedScript): ScriptFacts {
  return new FactsAggregator().facts([{ summary: summarizeFacts(parsed.elements), start: 0 }], parsed.title);
}

function shift(span: Span, by: number): Span {
  return by === 0 ? span : { start: span.start + by, end: span.end + by };
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

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
