// Finds what a note talks about: the screenplay's main and minor characters, its central
// settings, real people (cast, named people who are no character, "the lead actress"),
// generative tools, AI terms, and named works or brands (for third-party IP).
import type { AnalyzedText, Token } from '../nlp/analyzeText';
import { compilePattern, matchPattern, type EntityMention, type Entities, type Lists } from '../nlp/patterns';
import type { NoteContext } from './context';
import entityData from './entities.json';
import lexicon from './lexicon.json';

export const LEXICON = lexicon as unknown as Lists;

const personPatterns = entityData.person.map((p) => compilePattern(p, LEXICON));
const acronyms = new Set(entityData.acronyms);
const notWorks = new Set(entityData.notWorks);
const personNouns = new Set(lexicon.personNoun);
const ambiguousTools = new Set(lexicon.ambiguousTool);
const toolContextBefore = new Set(['with', 'using', 'via', 'in', 'into', 'on', 'through', 'from', 'by', 'use', 'used', 'uses', 'try', 'tried', 'and', 'or', 'run', 'ran', 'prompt', 'prompted']);

/** Sequences of words of every entry, split once: "BUS DRIVER" → ["bus", "driver"]. */
function words(name: string): string[] {
  return name
    .toLowerCase()
    .split(/[\s]+/)
    .map((w) => w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''))
    .filter((w) => w.length > 0);
}

function findName(tokens: readonly Token[], name: string, value: string, out: EntityMention[]): void {
  const parts = words(name);
  if (parts.length === 0) return;
  for (let i = 0; i + parts.length <= tokens.length; i++) {
    if (parts.every((w, k) => tokens[i + k].norm.replace(/[^\p{L}\p{N}-]+/gu, '') === w)) {
      out.push({ first: i, last: i + parts.length - 1, value });
    }
  }
}

function overlaps(a: EntityMention, b: EntityMention): boolean {
  return a.first <= b.last && b.first <= a.last;
}

function addUnique(list: EntityMention[], m: EntityMention): void {
  if (!list.some((x) => overlaps(x, m))) list.push(m);
}

function findList(tokens: readonly Token[], entries: readonly string[], out: EntityMention[]): void {
  for (const entry of entries) findName(tokens, entry, entry, out);
}

/**
 * Mentions of everything a rule may refer to as `$char`, `$minor`, `$setting`, `$person` (any real
 * person), `$named` (a real person named by name), `$tool`, `$ai`, `$technique`, `$work`.
 */
export function findEntities(text: AnalyzedText, context: NoteContext): Entities {
  const tokens = text.tokens;
  const char: EntityMention[] = [];
  for (const c of context.mainCharacters) findName(tokens, c.name, c.name, char);
  const minor: EntityMention[] = [];
  for (const name of context.minorCharacters) findName(tokens, name, name, minor);
  const isCharacter = (m: EntityMention) => char.some((c) => overlaps(c, m)) || minor.some((c) => overlaps(c, m));

  const setting: EntityMention[] = [];
  for (const s of context.centralSettings) {
    const found: EntityMention[] = [];
    findName(tokens, s.name, s.name, found);
    // "the lighthouse keeper" is a person, not the setting.
    for (const m of found) {
      const next = tokens[m.last + 1];
      if (next && (personNouns.has(next.norm) || next.tags.has('Actor'))) continue;
      if (!isCharacter(m)) setting.push(m);
    }
  }

  const tool: EntityMention[] = [];
  const toolCandidates: EntityMention[] = [];
  findList(tokens, lexicon.tool, toolCandidates);
  for (const m of toolCandidates.sort((a, b) => b.last - b.first - (a.last - a.first))) {
    const name = words(m.value).join(' ');
    if (isCharacter(m)) continue;
    if (ambiguousTools.has(name)) {
      const first = tokens[m.first];
      const before = tokens[m.first - 1];
      const after = tokens[m.last + 1];
      const used =
        first.capitalized &&
        ((before && toolContextBefore.has(before.norm)) ||
          (after && (after.norm === 'to' || after.tags.has('Verb') || tokens[m.last].hyphenNext)) ||
          m.first === 0);
      if (!used) continue;
    }
    addUnique(tool, m);
  }

  const ai: EntityMention[] = [];
  findList(tokens, lexicon.aiTerm, ai);
  const technique: EntityMention[] = [];
  findList(tokens, lexicon.aiTechnique, technique);

  const person: EntityMention[] = [];
  for (const member of context.cast) {
    const found: EntityMention[] = [];
    findName(tokens, member.name, member.name, found);
    for (const part of words(member.name)) if (part.length >= 3) findName(tokens, part, member.name, found);
    for (const m of found) if (!isCharacter(m)) addUnique(person, m);
  }
  const named: EntityMention[] = [];
  for (const p of personPatterns) {
    for (const m of matchPattern(p, text)) addUnique(person, { first: m.first, last: m.last, value: tokens.slice(m.first, m.last + 1).map((t) => t.text).join(' ') });
  }
  for (const span of text.people) {
    // compromise sometimes runs a name on into the next word ("a Ridley Scott set").
    let last = span.last;
    while (last > span.first && !tokens[last].capitalized) last--;
    const m: EntityMention = { first: span.first, last, value: tokens.slice(span.first, last + 1).map((t) => t.text).join(' ') };
    if (isCharacter(m) || tool.some((t) => overlaps(t, m)) || setting.some((s) => overlaps(s, m))) continue;
    if (!tokens[span.first].capitalized) continue;
    addUnique(named, m);
    addUnique(person, m);
  }
  for (const m of person) if (context.cast.some((c) => c.name === m.value)) addUnique(named, m);

  const work = findWorks(tokens, [...char, ...minor, ...setting, ...tool, ...ai, ...technique]);
  return { char, minor, setting, person, named, tool, ai, technique, work };
}

/** Runs of capitalised words that are no character, setting, tool or common acronym: "Studio Ghibli", "Jaws". */
function findWorks(tokens: readonly Token[], known: EntityMention[]): EntityMention[] {
  const works: EntityMention[] = [];
  const isKnown = (i: number) => known.some((m) => m.first <= i && i <= m.last);
  let i = 0;
  while (i < tokens.length) {
    const t = tokens[i];
    const clauseStart = i === 0 || tokens[i - 1].clause !== t.clause;
    const candidate = t.capitalized && !isKnown(i) && !acronyms.has(t.norm) && !notWorks.has(t.norm) && /\p{L}/u.test(t.text);
    if (!candidate || clauseStart) {
      i++;
      continue;
    }
    let j = i;
    while (j + 1 < tokens.length && tokens[j + 1].capitalized && !isKnown(j + 1) && tokens[j + 1].clause === t.clause) j++;
    works.push({ first: i, last: j, value: tokens.slice(i, j + 1).map((x) => x.text).join(' ') });
    i = j + 1;
  }
  return works;
}
