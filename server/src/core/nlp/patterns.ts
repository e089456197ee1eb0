// A small token pattern language, so that rules keep their words and phrases in JSON data
// rather than code. It runs on analyzeText tokens, which compromise has already tagged, and is
// fast enough to try hundreds of patterns on a note in well under a millisecond.
//
// A pattern is a space-separated sequence of elements:
//   word        the token's normal form or lemma ("generate" matches "generated")
//   a|b|c       alternatives, each any of the forms here
//   mood_board  several words in a row, as one alternative ("mood_board|moodboard")
//   'word       the normal form exactly (no lemma)
//   #Tag        a compromise tag (#Person, #ProperNoun, #Actor …)
//   @list       any entry of a named list; entries may be several words ("mood board")
//   $entity     a mention found beforehand (main character, central setting, real person …)
//   *           any one token
//   ...  ...N   up to 4 (or N) tokens of the same clause
//   ..N         up to N tokens of a noun phrase: no verb, preposition, conjunction or pronoun
//               ("generate ..3 $char" finds "generate a full CG Marisol", not "generate rain for Teo")
//   x?          the element is optional
//   !x          one token that is not x (or the end of the clause)
//   ^           the start of the note (or of the clause after a short label)
// A match never leaves the clause it starts in unless the pattern begins with `>>`.
import type { AnalyzedText, Token } from './analyzeText';

export type Lists = Readonly<Record<string, readonly string[]>>;

/** Token ranges of mentions, by entity name, e.g. `{ char: [{ first: 3, last: 3 }] }`. */
export type Entities = Readonly<Record<string, readonly EntityMention[]>>;

export interface EntityMention {
  first: number;
  last: number;
  /** What the mention refers to (the canonical character name, the cast entry). */
  value: string;
}

export interface PatternMatch {
  first: number;
  last: number;
  /** Entity mentions the match went through, by entity name. */
  entities: { name: string; mention: EntityMention }[];
}

type Element =
  | { kind: 'gap'; max: number; phraseOnly: boolean }
  | { kind: 'start' }
  | { kind: 'unit'; alternatives: Alternative[]; optional: boolean; negative: boolean };

type Alternative =
  | { kind: 'word'; word: string; exact: boolean }
  | { kind: 'tag'; tag: string }
  | { kind: 'list'; name: string; entries: string[][]; byFirstWord: Map<string, number[]> }
  | { kind: 'entity'; name: string }
  | { kind: 'any' };

export interface CompiledPattern {
  source: string;
  elements: Element[];
  crossClause: boolean;
  /**
   * Words one of which every match contains: the first words of a required element made only of
   * words and lists (the one with fewest). A note holding none of them cannot match. Undefined
   * when every required element may match a tag, an entity or any token.
   */
  anchors?: ReadonlySet<string>;
}

export class PatternError extends Error {}

export function compilePattern(source: string, lists: Lists): CompiledPattern {
  let body = source.trim();
  const crossClause = body.startsWith('>>');
  if (crossClause) body = body.slice(2).trim();
  if (!body) throw new PatternError(`empty pattern "${source}"`);
  const elements = body.split(/\s+/).map((part) => compileElement(part, lists, source));
  return { source, elements, crossClause, anchors: anchorsOf(elements) };
}

function anchorsOf(elements: readonly Element[]): Set<string> | undefined {
  let best: Set<string> | undefined;
  for (const element of elements) {
    if (element.kind !== 'unit' || element.optional || element.negative) continue;
    const words = new Set<string>();
    let literal = true;
    for (const alt of element.alternatives) {
      if (alt.kind === 'word') words.add(alt.word);
      else if (alt.kind === 'list') for (const first of alt.byFirstWord.keys()) words.add(first);
      else literal = false;
    }
    if (literal && (!best || words.size < best.size)) best = words;
  }
  return best;
}

/** Every form a token of the note can be matched by (normal form, lemma, lower-case text). */
const noteWords = new WeakMap<AnalyzedText, Set<string>>();

function wordsOf(text: AnalyzedText): Set<string> {
  let words = noteWords.get(text);
  if (!words) {
    words = new Set();
    for (const t of text.tokens) words.add(t.norm).add(t.root).add(t.lower);
    noteWords.set(text, words);
  }
  return words;
}

/** Whether the note holds one of the pattern's anchor words (or the pattern has none). */
function mayMatch(p: CompiledPattern, text: AnalyzedText): boolean {
  if (!p.anchors) return true;
  const words = wordsOf(text);
  if (p.anchors.size <= words.size) {
    for (const w of p.anchors) if (words.has(w)) return true;
  } else {
    for (const w of words) if (p.anchors.has(w)) return true;
  }
  return false;
}

/**
 * The token sequences an entry can appear as. compromise splits hyphenated words
 * ("fine-tune" → fine, tune) but keeps some whole ("de-age"), so both forms are tried.
 */
function splitEntry(entry: string): string[][] {
  const words = entry.split(/\s+/).filter(Boolean);
  const forms = [words];
  if (words.some((w) => /\p{L}-\p{L}/u.test(w))) forms.push(words.flatMap((w) => w.split('-').filter(Boolean)));
  return forms;
}

/** A list alternative, with its entries indexed by first word so a token finds its few candidates at once. */
function listAlternative(name: string, entries: string[][]): Alternative {
  const byFirstWord = new Map<string, number[]>();
  entries.forEach((entry, index) => {
    const known = byFirstWord.get(entry[0]);
    if (known) known.push(index);
    else byFirstWord.set(entry[0], [index]);
  });
  return { kind: 'list', name, entries, byFirstWord };
}

function compileElement(part: string, lists: Lists, source: string): Element {
  if (part === '^') return { kind: 'start' };
  const gap = /^\.\.\.(\d*)$/.exec(part);
  if (gap) return { kind: 'gap', max: gap[1] ? Number(gap[1]) : 4, phraseOnly: false };
  const phraseGap = /^\.\.(\d+)$/.exec(part);
  if (phraseGap) return { kind: 'gap', max: Number(phraseGap[1]), phraseOnly: true };
  let text = part;
  const negative = text.startsWith('!');
  if (negative) text = text.slice(1);
  const optional = text.endsWith('?') && text.length > 1;
  if (optional) text = text.slice(0, -1);
  const alternatives = text.split('|').map((alt): Alternative => {
    if (alt === '*') return { kind: 'any' };
    if (alt.startsWith('#')) return { kind: 'tag', tag: alt.slice(1) };
    if (alt.startsWith('$')) return { kind: 'entity', name: alt.slice(1) };
    if (alt.startsWith('@')) {
      const entries = lists[alt.slice(1)];
      if (!entries) throw new PatternError(`unknown list ${alt} in pattern "${source}"`);
      return listAlternative(alt.slice(1), entries.flatMap((e) => splitEntry(e.toLowerCase())));
    }
    if (alt.includes('_')) return listAlternative(alt, splitEntry(alt.toLowerCase().replace(/_/g, ' ')));
    if (alt.startsWith("'")) return { kind: 'word', word: alt.slice(1).toLowerCase(), exact: true };
    if (/\p{L}-\p{L}/u.test(alt)) return listAlternative(alt, splitEntry(alt.toLowerCase()));
    return { kind: 'word', word: alt.toLowerCase(), exact: false };
  });
  return { kind: 'unit', alternatives, optional, negative };
}

const NOT_IN_NOUN_PHRASE = ['Verb', 'Preposition', 'Conjunction', 'Pronoun', 'QuestionWord'];

function inNounPhrase(token: Token): boolean {
  // Participles used as adjectives ("AI-generated", "younger") stay inside the phrase.
  if (token.tags.has('Adjective') || token.tags.has('Determiner') || token.tags.has('Gerund') || token.tags.has('Possessive')) return true;
  return !NOT_IN_NOUN_PHRASE.some((tag) => token.tags.has(tag));
}

function wordMatches(token: Token, word: string, exact: boolean): boolean {
  return token.norm === word || (!exact && (token.root === word || token.lower === word));
}

/** Indices of the entries whose first word the token matches, in list order. */
function entriesStartingAt(alt: Extract<Alternative, { kind: 'list' }>, token: Token): number[] | undefined {
  const byNorm = alt.byFirstWord.get(token.norm);
  const byRoot = token.root === token.norm ? undefined : alt.byFirstWord.get(token.root);
  const lower = token.lower;
  const byText = lower === token.norm || lower === token.root ? undefined : alt.byFirstWord.get(lower);
  if (!byRoot && !byText) return byNorm;
  return [...new Set([...(byNorm ?? []), ...(byRoot ?? []), ...(byText ?? [])])].sort((a, b) => a - b);
}

/** End indices (exclusive) reachable by matching `alt` at token `i`. */
function alternativeEnds(alt: Alternative, tokens: readonly Token[], i: number, entities: Entities, via: PatternMatch['entities']): { end: number; via?: PatternMatch['entities'][number] }[] {
  if (i >= tokens.length) return [];
  switch (alt.kind) {
    case 'any':
      return [{ end: i + 1 }];
    case 'word':
      return wordMatches(tokens[i], alt.word, alt.exact) ? [{ end: i + 1 }] : [];
    case 'tag':
      return tokens[i].tags.has(alt.tag) ? [{ end: i + 1 }] : [];
    case 'list': {
      const ends: { end: number }[] = [];
      const candidates = entriesStartingAt(alt, tokens[i]);
      if (!candidates) return ends;
      for (const index of candidates) {
        const entry = alt.entries[index];
        if (i + entry.length > tokens.length) continue;
        if (entry.every((w, k) => wordMatches(tokens[i + k], w, false))) ends.push({ end: i + entry.length });
      }
      return ends;
    }
    case 'entity': {
      const mentions = entities[alt.name] ?? [];
      void via;
      return mentions.filter((m) => m.first === i).map((m) => ({ end: m.last + 1, via: { name: alt.name, mention: m } }));
    }
  }
}

function matchFrom(p: CompiledPattern, tokens: readonly Token[], entities: Entities, e: number, i: number, clause: number, via: PatternMatch['entities']): { end: number; via: PatternMatch['entities'] } | undefined {
  if (e === p.elements.length) return { end: i, via };
  const element = p.elements[e];
  const inClause = (k: number) => k < tokens.length && (p.crossClause || tokens[k].clause === clause);
  if (element.kind === 'start') {
    // The start of the note, or of its first clause after a label ("Hall of Hours: gen the dome").
    const lead = tokens.slice(0, i).filter((t) => t.clause === tokens[i].clause);
    const atStart = i === 0 || (i <= 4 && lead.every((t) => t.tags.has('Determiner')));
    return atStart ? matchFrom(p, tokens, entities, e + 1, i, clause, via) : undefined;
  }
  if (element.kind === 'gap') {
    for (let skip = 0; skip <= element.max; skip++) {
      if (skip > 0 && !inClause(i + skip - 1)) break;
      if (skip > 0 && element.phraseOnly && !inNounPhrase(tokens[i + skip - 1])) break;
      const found = matchFrom(p, tokens, entities, e + 1, i + skip, clause, via);
      if (found) return found;
    }
    return undefined;
  }
  if (element.negative) {
    // At the end of the clause nothing follows, so "not x" holds without consuming a token.
    if (!inClause(i)) return matchFrom(p, tokens, entities, e + 1, i, clause, via);
    const hit = element.alternatives.some((alt) => alternativeEnds(alt, tokens, i, entities, via).some((r) => r.end === i + 1));
    return hit ? undefined : matchFrom(p, tokens, entities, e + 1, i + 1, clause, via);
  }
  if (inClause(i)) {
    for (const alt of element.alternatives) {
      for (const r of alternativeEnds(alt, tokens, i, entities, via)) {
        if (!p.crossClause && tokens[r.end - 1].clause !== clause) continue;
        const found = matchFrom(p, tokens, entities, e + 1, r.end, clause, r.via ? [...via, r.via] : via);
        if (found) return found;
      }
    }
  }
  return element.optional ? matchFrom(p, tokens, entities, e + 1, i, clause, via) : undefined;
}

/**
 * Whether a required first element can match at token `i` at all: most tokens of a note start no
 * match of a given pattern, and this answers that without trying the whole pattern.
 */
function canStartAt(element: Extract<Element, { kind: 'unit' }>, tokens: readonly Token[], i: number, entities: Entities): boolean {
  const token = tokens[i];
  for (const alt of element.alternatives) {
    switch (alt.kind) {
      case 'any':
        return true;
      case 'word':
        if (wordMatches(token, alt.word, alt.exact)) return true;
        break;
      case 'tag':
        if (token.tags.has(alt.tag)) return true;
        break;
      case 'list':
        if (alt.byFirstWord.has(token.norm) || alt.byFirstWord.has(token.root) || alt.byFirstWord.has(token.lower)) return true;
        break;
      case 'entity':
        if ((entities[alt.name] ?? []).some((m) => m.first === i)) return true;
        break;
    }
  }
  return false;
}

/** Every place where the pattern matches, leftmost first, without overlaps. */
export function matchPattern(p: CompiledPattern, text: AnalyzedText, entities: Entities = {}): PatternMatch[] {
  const tokens = text.tokens;
  const matches: PatternMatch[] = [];
  if (!mayMatch(p, text)) return matches;
  const first = p.elements[0];
  const required = first.kind === 'unit' && !first.optional && !first.negative ? first : undefined;
  for (let i = 0; i < tokens.length; i++) {
    if (required && !canStartAt(required, tokens, i, entities)) continue;
    const found = matchFrom(p, tokens, entities, 0, i, tokens[i].clause, []);
    if (found && found.end > i) {
      matches.push({ first: i, last: found.end - 1, entities: found.via });
      i = found.end - 1;
    }
  }
  return matches;
}

/** True when the match lies in the scope of a negator that precedes it ("do NOT generate Marisol"). */
export function isNegated(text: AnalyzedText, match: PatternMatch): boolean {
  return text.tokens[match.first].negated;
}
