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
const genericPlaces = new Set(lexicon.genericPlace);
const CREW_ROLE = /\b(ap|apoc|researcher|archivist|fixer|journalist|reporter|accountant|lawyer|paralegal|chaperone|tutor|medic|nurse|teacher|recordist|gaffer|grip|sparks|electrician|operator|op|producer|director|editor|designer|coordinator|supervisor|manager|ad|pa|dp|dop|armou?rer|cleaner|driver|actor|actress|writer|intern|runner|mixer|wrangler|assistant|caterer|medic|nurse|stand-in|double|makeup|hair|costume|props?|carpenter|rigger|boom|focus puller|loader|dit|vet|farmer|owner)\b/i;
const mediaWords = new Set([...lexicon.media, 'roto', 'comp', 'plates', 'plate', 'shot', 'shots', 'previs', 'render', 'clip', 'voice', 'sky', 'crowd']);
const generativeWords = new Set([...lexicon.generativeVerb, ...lexicon.generate]);
const NAME_TITLES = new Set(['mr', 'mrs', 'ms', 'miss', 'dr', 'doc', 'old', 'young', 'big', 'little', 'aunt', 'uncle', 'grandpa', 'grandma', 'granny', 'captain', 'capt', 'sir', 'lady', 'lord', 'the', 'man', 'woman', 'girl', 'boy', 'driver', 'officer', 'agent', 'detective', 'sergeant', 'father', 'mother', 'brother', 'sister', 'professor', 'prof', 'king', 'queen', 'prince', 'princess', 'mister', 'madam']);
const settingParts = new Set(lexicon.settingPart);
const PERSONAL_LIKENESS = new Set(['face', 'faces', 'voice', 'voices', 'likeness', 'head', 'smile', 'eyes', 'body', 'singing', 'vocals']);
const PLACE_IMAGERY = new Set(['bg', 'bgs', 'background', 'backgrounds', 'plate', 'plates', 'layout', 'layouts', 'environment', 'environments', 'establisher', 'establishers', 'wide', 'wides', 'matte', 'mattes', 'extension', 'extensions', 'exterior', 'exteriors', 'interior', 'interiors', 'shot', 'shots', 'set', 'sets', 'skyline', 'panorama', 'aerial', 'aerials']);
const toolNouns = new Set([...lexicon.toolNoun, 'recreation', 'recreations', 'reconstruction', 'remake', 'mock', 'mockup', 'account', 'output', 'outputs', 'render', 'renders', 'generation', 'generations', 'prompt', 'prompts', 'pass', 'version', 'tenant', 'subscription', 'licence', 'license', 'plan', 'workspace']);
const toolContextBefore = new Set(['with', 'using', 'via', 'in', 'into', 'on', 'through', 'from', 'by', 'use', 'used', 'uses', 'try', 'tried', 'run', 'ran', 'prompt', 'prompted', 'out', 'ask', 'asked', 'paste', 'pasted', 'upload', 'uploaded', 'feed', 'fed', 'enterprise', 'public', 'consumer', 'free', 'online', 'w/', 'w', 'thru']);
const LOWER_CASE_CONTEXT = new Set(['thru', 'through', 'into', 'via', 'using', 'w/', 'w', 'paste', 'pasted', 'upload', 'uploaded', 'feed', 'fed']);
// "have Firefly recreate it", "let Claude write the tag": a name told to make something is a tool.
const CAUSATIVE = new Set(['have', 'has', 'had', 'let', 'lets', 'get', 'gets', 'make', 'ask', 'asks', 'asked']);
// "Claude in sound needs…", "Gemini from legal": a person, by department.
const DEPARTMENTS = new Set(['sound', 'props', 'art', 'camera', 'editorial', 'costume', 'costumes', 'wardrobe', 'makeup', 'make-up', 'hair', 'accounts', 'accounting', 'legal', 'production', 'locations', 'catering', 'transport', 'grip', 'grips', 'electric', 'sparks', 'casting', 'publicity', 'research', 'clearances', 'payroll', 'security']);

/** Sequences of words of every entry, split once: "BUS DRIVER" → ["bus", "driver"]. */
function splitWords(name: string): string[] {
  return name
    .toLowerCase()
    .split(/[\s]+/)
    .map((w) => w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''))
    .filter((w) => w.length > 0);
}

/** Names recur from note to note (the cast, the lexicon): each is split once. */
const splitCache = new Map<string, string[]>();
function words(name: string): string[] {
  let parts = splitCache.get(name);
  if (!parts) {
    parts = splitWords(name);
    if (splitCache.size > 10_000) splitCache.clear();
    splitCache.set(name, parts);
  }
  return parts;
}

/** Each token's lower-case form without punctuation, as names are compared: worked out once per note. */
const comparableCache = new WeakMap<readonly Token[], string[]>();
function comparable(tokens: readonly Token[]): string[] {
  let forms = comparableCache.get(tokens);
  if (!forms) {
    forms = tokens.map((t) => t.norm.replace(/[^\p{L}\p{N}-]+/gu, ''));
    comparableCache.set(tokens, forms);
  }
  return forms;
}

/** Whether the note's comparable forms hold `parts` word for word from index `i`. */
function wordsAt(forms: readonly string[], i: number, parts: readonly string[]): boolean {
  if (i + parts.length > forms.length) return false;
  for (let k = 0; k < parts.length; k++) if (forms[i + k] !== parts[k]) return false;
  return true;
}

function findName(tokens: readonly Token[], name: string, value: string, out: EntityMention[]): void {
  findWords(tokens, words(name), value, out);
  // compromise splits some hyphenated words ("De-ageing" → de, ageing): try the parts too.
  if (name.includes('-')) findWords(tokens, words(name.replace(/-/g, ' ')), value, out);
}

function findWords(tokens: readonly Token[], parts: readonly string[], value: string, out: EntityMention[]): void {
  if (parts.length === 0) return;
  const forms = comparable(tokens);
  for (let i = 0; i + parts.length <= forms.length; i++) {
    if (wordsAt(forms, i, parts)) out.push({ first: i, last: i + parts.length - 1, value });
  }
}

function overlaps(a: EntityMention, b: EntityMention): boolean {
  return a.first <= b.last && b.first <= a.last;
}

function addUnique(list: EntityMention[], m: EntityMention): void {
  if (!list.some((x) => overlaps(x, m))) list.push(m);
}

/** A word list's entries by their first word (with the hyphen-split variants), in list order. */
type ListIndex = Map<string, { parts: string[]; value: string; order: number }[]>;
const listIndexes = new WeakMap<readonly string[], ListIndex>();

function indexOfList(entries: readonly string[]): ListIndex {
  let index = listIndexes.get(entries);
  if (index) return index;
  index = new Map();
  let order = 0;
  for (const entry of entries) {
    const variants = [splitWords(entry)];
    if (entry.includes('-')) variants.push(splitWords(entry.replace(/-/g, ' ')));
    for (const parts of variants) {
      if (parts.length === 0) continue;
      const known = index.get(parts[0]);
      const item = { parts, value: entry, order: order++ };
      if (known) known.push(item);
      else index.set(parts[0], [item]);
    }
  }
  listIndexes.set(entries, index);
  return index;
}

/**
 * Mentions of a list's entries, in the order a search entry by entry would give them (the
 * first entry's mentions first), found in one pass over the note's words.
 */
function findList(tokens: readonly Token[], entries: readonly string[], out: EntityMention[]): void {
  const index = indexOfList(entries);
  const forms = comparable(tokens);
  const found: { order: number; mention: EntityMention }[] = [];
  for (let i = 0; i < forms.length; i++) {
    // "Topaz/Runway", "Suno+Udio": one token naming two entries, each a single word.
    if (!index.has(forms[i]) && /[/+]/.test(tokens[i].text)) {
      for (const part of tokens[i].text.toLowerCase().split(/[/+]/)) {
        for (const { parts, value, order } of index.get(part) ?? []) if (parts.length === 1) found.push({ order, mention: { first: i, last: i, value } });
      }
      continue;
    }
    const candidates = index.get(forms[i]);
    if (!candidates) continue;
    for (const { parts, value, order } of candidates) {
      if (wordsAt(forms, i, parts)) found.push({ order, mention: { first: i, last: i + parts.length - 1, value } });
    }
  }
  found.sort((a, b) => a.order - b.order || a.mention.first - b.mention.first);
  for (const f of found) out.push(f.mention);
}

/**
 * Mentions of everything a rule may refer to as `$char`, `$minor`, `$setting`, `$element` (a key
 * prop or creature of the screenplay), `$person` (any real
 * person), `$named` (a real person named by name), `$tool`, `$ai`, `$technique`, `$work`.
 */
export function findEntities(text: AnalyzedText, context: NoteContext): Entities {
  const tokens = text.tokens;
  const char: EntityMention[] = [];
  for (const c of context.mainCharacters) {
    findName(tokens, c.name, c.name, char);
    // "Ray" for RAY KOSKI, "Toad" for GRANDPA TOAD: a distinctive word of a longer name.
    const parts = words(c.name.replace(/\(.*?\)/g, ''));
    if (parts.length > 1) for (const part of [parts[0], parts[parts.length - 1]]) if (part.length >= 3 && !NAME_TITLES.has(part)) findName(tokens, part, c.name, char);
  }
  const minor: EntityMention[] = [];
  for (const name of context.minorCharacters) findName(tokens, name, name, minor);
  const isCharacter = (m: EntityMention) => char.some((c) => overlaps(c, m)) || minor.some((c) => overlaps(c, m));

  // A setting or key element is named by its full name, by the last part of a sub-location
  // ("HALL OF HOURS" for "PENDLETON MUSEUM - HALL OF HOURS") or by its last word when that is
  // distinctive ("the whole market" for NIGHT MARKET). A mention that only qualifies another
  // noun ("the lighthouse keeper", "the museum ID badges") is not the place itself.
  const placeMentions = (refs: readonly { name: string }[], modifierMeansOther: boolean): EntityMention[] => {
    const out: EntityMention[] = [];
    for (const ref of refs) {
      const found: EntityMention[] = [];
      const segments = ref.name.split(/\s+-\s+/);
      const aliases = [ref.name, segments[segments.length - 1]];
      // Distinctive single words: "the Marlowe" for MARLOWE THEATRE, "the market" for NIGHT MARKET.
      for (const alias of [...aliases]) {
        const parts = words(alias);
        if (parts.length < 2) continue;
        for (const word of [parts[parts.length - 1], parts[0]]) if (word.length >= 4 && !genericPlaces.has(word) && !/^(the|old|new|big|little)$/.test(word)) aliases.push(word);
      }
      for (const alias of new Set(aliases)) {
        findName(tokens, alias, ref.name, found);
        if (found.length > 0) break;
      }
      for (const m of found) {
        const next = tokens[m.last + 1];
        // "Orchard BGs", "wharf plates", "flight deck layouts": pictures of the place are the place on screen.
        const imageryOfPlace = next !== undefined && PLACE_IMAGERY.has(next.norm);
        const qualifies =
          !imageryOfPlace &&
          next &&
          next.clause === tokens[m.last].clause &&
          !tokens[m.last].possessive &&
          (personNouns.has(next.norm) || next.tags.has('Actor') || ((next.tags.has('Noun') || next.tags.has('Plural') || next.tags.has('Gerund') || tokens[m.last].hyphenNext) && !next.tags.has('Pronoun') && !settingParts.has(next.norm) && !next.tags.has('Date')));
        if (modifierMeansOther && qualifies) continue;
        if (!isCharacter(m)) addUnique(out, m);
      }
    }
    return out;
  };
  const setting = placeMentions(context.centralSettings, true);
  // "Orrery motion", "ARGUS design": words after a key element describe the element itself.
  const element = placeMentions(context.keyElements, false);

  const tool: EntityMention[] = [];
  const toolCandidates: EntityMention[] = [];
  findList(tokens, lexicon.tool, toolCandidates);
  for (const m of toolCandidates.sort((a, b) => b.last - b.first - (a.last - a.first))) {
    const name = words(m.value).join(' ');
    if (isCharacter(m)) continue;
    // "Midjourney? no.": asked about and turned down.
    if (/^\s*\?\s*no\b/i.test(text.text.slice(tokens[m.last].end, tokens[m.last].end + 8))) continue;
    if (ambiguousTools.has(name)) {
      const first = tokens[m.first];
      const before = tokens[m.first - 1];
      const after = tokens[m.last + 1];
      const clause = first.clause;
      const lookBack = tokens.slice(Math.max(0, m.first - 4), m.first).filter((t) => t.clause === clause);
      // A name that is also a word or a person's name ("Claude (gaffer) wants…", "Gemini and
      // Orion") is a tool only where it is used as one: after "with", "in", "using"…, before a
      // tool noun or "to", with a version, hyphen-joined ("Sora-generated"), after an arrow, or
      // as a label ("Claude: upload…").
      const rawAfter = text.text.slice(tokens[m.last].end, tokens[m.last].end + 2);
      const rawBefore = before ? before.text + text.text.slice(before.end, first.start) : text.text.slice(0, first.start);
      // At the start of a note a tool's name usually heads the note ("Sora for the paddlewheel",
      // "Runway roto on…"); a person or star of the same name does something or has a role.
      const atStart = m.first === 0 || tokens.slice(0, m.first).every((t) => t.clause !== first.clause);
      // "Claude (gaffer)", "Gemini Ortiz (researcher)": a role in brackets after the name.
      const parenthesis = /^\s*(?:\p{Lu}[\p{L}'’-]+\s+)?\(([^)]{1,40})\)/u.exec(text.text.slice(tokens[m.last].end, tokens[m.last].end + 60));
      const personLike =
        (after && after.tags.has('PresentTense') && /s$/.test(after.norm) && after.tags.has('Verb')) ||
        (parenthesis !== null && CREW_ROLE.test(parenthesis[1])) ||
        (after?.norm === 'and' && tokens[m.last + 2]?.capitalized) ||
        ((after?.norm === 'in' || after?.norm === 'from') && DEPARTMENTS.has(tokens[m.last + 2]?.norm ?? '')) ||
        // "Runway at Barton aerodrome": a place, not the tool.
        after?.norm === 'at' ||
        // "Flawless take on 14C": the word, not the tool.
        first.tags.has('Adjective');
      const toldToMake = before !== undefined && CAUSATIVE.has(before.norm) && after !== undefined && after.tags.has('Verb') && !after.tags.has('PastTense') && !after.tags.has('Gerund');
      // "…letters to Claude so it drafts the narration": handed material to make something.
      const soItMakes = after?.norm === 'so' && /^(it|they)$/.test(tokens[m.last + 2]?.norm ?? '');
      const generationInNote = tokens.some((t, k) => (k < m.first || k > m.last) && (mediaWords.has(t.norm) || mediaWords.has(t.root) || generativeWords.has(t.norm) || generativeWords.has(t.root)));
      // "Veo it in a 16mm look": the tool's name used as the verb.
      const usedAsVerb =
        after !== undefined &&
        (after.clause === clause || after.norm === 'instead') &&
        (/^(it|them|this|that)$/.test(after.norm) ||
          // "we'll Kling the siege extras", "Firefly the pages so they match": a name then its object.
          (/^(the|all|our|his|her|their|every|each)$/.test(after.norm) && (atStart || (before !== undefined && /^(we|i|you|they|'ll|ll|will|can|just|to|pls|please|then|and|(?:we|i|you|they)['’](?:ll|d))$/.test(before.norm)))) ||
          // "Veo instead of a process trailer"
          after.norm === 'instead');
      // "the Pika phone app": a tool noun a word further on.
      const toolNounNext = tokens[m.last + 2] !== undefined && tokens[m.last + 2].clause === clause && toolNouns.has(tokens[m.last + 2].norm) && (after?.tags.has('Noun') ?? false);
      // "(Firefly)" standing alone in brackets, in a note about pictures or generation.
      const bracketedAlone = before !== undefined && /\(\s*$/.test(text.text.slice(before.end, first.start)) && /^\s*\)/.test(text.text.slice(tokens[m.last].end)) && generationInNote;
      // "Pika (personal plan)", "Claude (enterprise)": an account or tier of the tool in brackets.
      const accountInBrackets = parenthesis !== null && /\b(plan|tier|account|subscription|version|licen[cs]e|trial|enterprise|pro|free|personal|team|seat)\b/i.test(parenthesis[1]);
      // "Upload moon pool dailies to Pika": sent to it, however long the material's name.
      const sentTo = before !== undefined && /^(to|into|through)$/.test(before.norm) && tokens.slice(Math.max(0, m.first - 8), m.first).some((t) => t.clause === clause && /^(upload|uploaded|uploading|feed|fed|feeding|paste|pasted|send|sent|put|dump|dumped|run|ran|push|pushed|drop|dropped|throw|threw)$/.test(t.norm));
      // "100% gen (Veo)", "generated plates (Kling)": a tool named in brackets after what it made.
      const bracketed = before !== undefined && /\(\s*$/.test(text.text.slice(before.end, first.start)) && (generativeWords.has(before.norm) || mediaWords.has(before.norm) || mediaWords.has(before.root));
      // "Runway for the goat: mark a path in the hay": at the head of a note, a name that is also
      // a word needs some sign of generation in the note to be the tool.
      const generationNear = tokens.some((t, k) => k > m.last && (mediaWords.has(t.norm) || mediaWords.has(t.root) || generativeWords.has(t.norm) || toolNouns.has(t.norm)));
      const labelled = /^\s*[:\-–—]/.test(text.text.slice(tokens[m.last].end, tokens[m.last].end + 2));
      // "Ask Claude (the caterer, not the chatbot)": a role in brackets says who, whatever comes before.
      // …or an animal ("Pika (camp dog)"), or a place after the name ("Gemini Lodge").
      const namedRole = parenthesis !== null && (CREW_ROLE.test(parenthesis[1]) || /\b(dog|cat|horse|pony|pet|puppy|goat|parrot)\b/i.test(parenthesis[1]));
      const place = after !== undefined && /^(lodge|hotel|inn|house|hall|street|road|lane|building|restaurant|cafe|café|bar|pub|farm|court|park|station|centre|center|school|college|club)$/.test(after.norm);
      // Lower case ("run them thru claude") only where the words before use it as a tool.
      const written = first.capitalized || lookBack.some((t) => LOWER_CASE_CONTEXT.has(t.norm));
      const used =
        !namedRole &&
        !place &&
        written &&
        ((atStart && !personLike && (labelled || generationNear)) ||
          toldToMake ||
          soItMakes ||
          usedAsVerb ||
          toolNounNext ||
          bracketedAlone ||
          accountInBrackets ||
          sentTo ||
          bracketed ||
          lookBack.some((t) => toolContextBefore.has(t.norm)) ||
          (after && (after.norm === 'to' || toolNouns.has(after.norm) || /^(gen-?\d|v?\d+(\.\d+)?|pro|ultra|max|turbo)$/i.test(after.text) || tokens[m.last].hyphenNext)) ||
          /^\s*[:\-–—]/.test(rawAfter) ||
          /(→|->|=>|\/|—|–|-)\s*$/.test(rawBefore) ||
          (after && m.first > 0 && after.tags.has('Verb') && !after.tags.has('PresentTense') && !after.tags.has('PastTense')));
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
  // In a documentary the people on screen are real: its main characters are real people too.
  if (context.productionType === 'documentary') for (const m of [...char, ...minor]) addUnique(person, m);
  const storyNames = new Set(context.productionType === 'documentary' ? [] : context.storyNames);
  const isStoryName = (m: EntityMention) => tokens.slice(m.first, m.last + 1).some((t) => storyNames.has(t.norm));
  for (const span of text.people) {
    // compromise sometimes runs a name on into the next word ("a Ridley Scott set").
    let last = span.last;
    while (last > span.first && !tokens[last].capitalized) last--;
    // …and sometimes stops short of a surname it does not know ("Helen" of "Helen Mirren's").
    while (last + 1 < tokens.length && tokens[last + 1].capitalized && tokens[last + 1].clause === tokens[last].clause && !tokens[last].possessive && (tokens[last + 1].tags.has('ProperNoun') || tokens[last + 1].tags.has('Person'))) last++;
    const m: EntityMention = { first: span.first, last, value: tokens.slice(span.first, last + 1).map((t) => t.text).join(' ') };
    if (isCharacter(m) || isStoryName(m) || tool.some((t) => overlaps(t, m)) || setting.some((s) => overlaps(s, m))) continue;
    if (!tokens[span.first].capitalized) continue;
    addUnique(named, m);
    addUnique(person, m);
  }
  // "synthesise Declan Foyle's voice", "a Judi Dench face": a first and last name that compromise
  // does not know, right before a face or a voice, is a real person's.
  const known = [...char, ...minor, ...setting, ...element, ...tool, ...ai, ...technique, ...named];
  for (let i = 0; i + 2 < tokens.length; i++) {
    const [a, b, c] = [tokens[i], tokens[i + 1], tokens[i + 2]];
    if (!a.capitalized || !b.capitalized || a.possessive || a.clause !== b.clause || b.clause !== c.clause) continue;
    if (!/^\p{Lu}\p{Ll}+$/u.test(a.text) || !/^\p{Lu}\p{Ll}+(?:['’]s)?$/u.test(b.text) || !PERSONAL_LIKENESS.has(c.norm)) continue;
    const m: EntityMention = { first: i, last: i + 1, value: `${a.text} ${b.text}`.replace(/['’]s$/, '') };
    if (known.some((k) => overlaps(k, m)) || isStoryName(m) || acronyms.has(a.norm) || notWorks.has(a.norm) || notWorks.has(b.norm)) continue;
    addUnique(named, m);
    addUnique(person, m);
  }
  // "ElevenLabs them in Ruthanne's voice": one name, possessive, before a voice or face, after
  // "in"/"from"/"off": whose voice the tool imitates.
  for (let i = 1; i + 1 < tokens.length; i++) {
    const [b, n, c] = [tokens[i - 1], tokens[i], tokens[i + 1]];
    if (!/^(in|from|off|using|with)$/.test(b.norm) || !n.capitalized || !n.possessive || !PERSONAL_LIKENESS.has(c.norm)) continue;
    const m: EntityMention = { first: i, last: i, value: n.text.replace(/['’]s$/, '') };
    if (known.some((k) => overlaps(k, m)) || isStoryName(m) || acronyms.has(n.norm) || notWorks.has(n.norm)) continue;
    addUnique(named, m);
    addUnique(person, m);
  }
  for (const m of person) if (context.cast.some((c) => c.name === m.value)) addUnique(named, m);

  const work = findWorks(tokens, [...char, ...minor, ...setting, ...element, ...tool, ...ai, ...technique, ...named]).filter((m) => !isStoryName(m));
  // "Banksy-ish", "Erté-style", "Ghibli-esque" written as one word: a named style.
  const styleRef: EntityMention[] = [];
  tokens.forEach((t, i) => {
    if (/^\p{Lu}[\p{L}'’.]+-(ish|style|styled|esque|like|inspired)$/u.test(t.text) && !isStoryName({ first: i, last: i, value: '' })) styleRef.push({ first: i, last: i, value: t.text });
  });
  return { char, minor, setting, element, person, named, tool, ai, technique, work, styleRef };
}

/** Runs of capitalised words that are no character, setting, tool or common acronym: "Studio Ghibli", "Jaws". */
function findWorks(tokens: readonly Token[], known: EntityMention[]): EntityMention[] {
  const works: EntityMention[] = [];
  const isKnown = (i: number) => known.some((m) => m.first <= i && i <= m.last);
  let i = 0;
  while (i < tokens.length) {
    const t = tokens[i];
    // At the start of a clause a capital says nothing, unless the word reads as a name or a style
    // ("Erté-style poster", "Banksy-ish lobby poster").
    const next = tokens[i + 1];
    const styled = next && /^(style|styled|ish|esque|inspired|like|type|look)$/.test(next.norm) && t.hyphenNext;
    const clauseStart = (i === 0 || tokens[i - 1].clause !== t.clause) && !styled;
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
