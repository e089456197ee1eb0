// The only module that talks to compromise. It turns a note's text into plain tokens with
// UTF-16 offsets, lemmas, part-of-speech tags, clause numbers and negation, and caches the
// result by text: notes rarely change, and compromise costs about a millisecond per note.
//
// compromise builds its lexicon when it is loaded (some 100 ms), so it is loaded on first use,
// not when the program starts: the language server answers `initialize` without waiting for
// it and loads it right after (warmUpNlp), while the editor is still opening documents.
import type nlpType from 'compromise';

let nlpInstance: typeof nlpType | undefined;

function nlp(text: string): ReturnType<typeof nlpType> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first use, see above
  nlpInstance ??= (require('compromise') as { default?: typeof nlpType }).default ?? (require('compromise') as typeof nlpType);
  return nlpInstance(text);
}

export interface Token {
  /** The word as written. */
  text: string;
  /** Lower case, possessive ending removed ("marisol's" → "marisol"). */
  norm: string;
  /** Lemma: infinitive of verbs, singular of nouns ("generated" → "generate"). */
  root: string;
  /** The word as written, in lower case ("Teo's" → "teo's"). */
  lower: string;
  tags: ReadonlySet<string>;
  /** UTF-16 offsets into the analysed text. */
  start: number;
  end: number;
  /** Tokens of one clause share a number; punctuation and some conjunctions start a new one. */
  clause: number;
  /** True when a negator ("not", "no", "never", "without") earlier in the same clause governs it. */
  negated: boolean;
  possessive: boolean;
  /** Joined to the next token by a hyphen ("AI-generated"). */
  hyphenNext: boolean;
  /** Starts with a capital letter. */
  capitalized: boolean;
}

export interface AnalyzedText {
  text: string;
  tokens: readonly Token[];
  /** Token ranges [start, end) that compromise recognises as people's names. */
  people: readonly { first: number; last: number }[];
}

interface RawTerm {
  text: string;
  normal?: string;
  root?: string;
  tags?: string[];
  pre?: string;
  post?: string;
  offset?: { start: number; length: number };
}

const NEGATORS = new Set(['not', 'no', 'never', 'without', 'nor', 'none', 'neither', "n't", 'cannot', 'nothing', 'nobody', 'nowhere']);
// Conjunctions that open a new clause for the purpose of negation scope.
const CLAUSE_OPENERS = new Set(['but', 'instead', 'although', 'though', 'however', 'except', 'since', 'because', 'so', 'yet', 'while', 'whereas', 'then']);
const CLAUSE_PUNCTUATION = /[,;:.!?()\u2013\u2014[\]|]|\s-\s|^-\s|\s-$|\s\/\s|^\/\s|\s\/$|->|=>/;

const TYPOS = new Map([
  ['genrated', 'generated'], ['generted', 'generated'], ['genereated', 'generated'], ['generatd', 'generated'], ['gnerated', 'generated'], ['genarated', 'generated'],
  ['genrate', 'generate'], ['generte', 'generate'], ['genarate', 'generate'],
  ['syntetic', 'synthetic'], ['synthentic', 'synthetic'], ['sythetic', 'synthetic'], ['synthtic', 'synthetic'], ['synthethic', 'synthetic'],
  ['sythesize', 'synthesize'], ['synthesize', 'synthesize'], ['synthesise', 'synthesise'], ['synthsize', 'synthesize'],
  ['clonned', 'cloned'], ['likness', 'likeness'], ['likenes', 'likeness'], ['deepfaked', 'deepfaked'], ['deep-faked', 'deepfaked'],
]);

/**
 * Whether `at` lies inside a quotation opened before it ("'I'm not coming back'", "Ossie says
 * Clem 'generated more excuses than royalties'"); an apostrophe before digits ('79) opens none.
 */
export function insideQuote(text: string, at: number): boolean {
  const before = text.slice(0, at);
  const opens = (before.match(/(?:^|[\s(])['‘“"](?!\d)/g) ?? []).length;
  const closes = (before.match(/['’”"](?=[\s.,;:!?)]|$)/g) ?? []).length;
  return opens > closes;
}

const SUBJECT_PRONOUNS = new Set(['we', 'i', 'they', 'he', 'she', 'you', "we'll", 'we’ll', "i'll", 'i’ll', "they'll", 'they’ll', "you'll", 'you’ll', "we'd", 'we’d', "i'd", 'i’d', "we're", 'we’re', "they're", 'they’re']);

const cache = new Map<string, AnalyzedText>();
const CACHE_LIMIT = 5000;

/** Analyses `text`, from the cache when the same text was seen before. */
export function analyzeText(text: string): AnalyzedText {
  const hit = cache.get(text);
  if (hit) {
    // Refresh recency so the cache keeps what the open documents use.
    cache.delete(text);
    cache.set(text, hit);
    return hit;
  }
  const result = tokenize(text);
  cache.set(text, result);
  if (cache.size > CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
  return result;
}

/** Loads compromise and its lexicon ahead of the first real note, off the path of the first diagnostics. */
export function warmUpNlp(): void {
  analyzeText('GenAI: generate a younger face for the flashback.');
}

function stripPossessive(word: string): { norm: string; possessive: boolean } {
  const m = /^(.*?)(?:'s|’s|s'|s’)$/.exec(word);
  if (m && m[1].length > 0) return { norm: word.endsWith("s'") || word.endsWith('s’') ? word.slice(0, -1) : m[1], possessive: true };
  return { norm: word, possessive: false };
}

function tokenize(text: string): AnalyzedText {
  const doc = nlp(text);
  doc.compute('root');
  const sentences = doc.json({ offset: true, terms: { offset: true } }) as { terms: RawTerm[] }[];
  const tokens: Token[] = [];
  let clause = 0;
  for (const sentence of sentences) {
    clause++;
    let negatedClause = -1;
    let negatorQuoted = false;
    for (const raw of sentence.terms) {
      const start = raw.offset?.start ?? 0;
      const length = raw.offset?.length ?? raw.text.length;
      const pre = raw.pre ?? '';
      const post = raw.post ?? '';
      const lowered = (raw.normal ?? raw.text).toLowerCase();
      const tags = new Set(raw.tags ?? []);
      // compromise expands contractions into zero-width terms ("don't" → do + not).
      const isNegator = NEGATORS.has(lowered) || tags.has('Negative') || /n['’]t$/.test(raw.text.toLowerCase());
      if (pre.includes('(') || CLAUSE_OPENERS.has(lowered)) {
        if (tokens.length > 0) clause++;
      }
      const { norm: written, possessive } = stripPossessive(lowered);
      // Notes are typed fast: the usual misspellings of the words the rules rest on read as the words.
      const norm = TYPOS.get(written) ?? written;
      if (isNegator) {
        negatedClause = clause;
        negatorQuoted = insideQuote(text, start);
      }
      // "If Tobias can't do the pickups we build a double": a new subject after the negated verb
      // starts a statement of its own.
      else if (negatedClause === clause && SUBJECT_PRONOUNS.has(lowered) && tokens.length > 0 && !tokens[tokens.length - 1].tags.has('Preposition') && !NEGATORS.has(tokens[tokens.length - 1].norm)) negatedClause = -1;
      const token: Token = {
        text: raw.text,
        norm: norm.replace(/\.$/, ''),
        root: TYPOS.get(written) ?? (raw.root ?? norm).toLowerCase(),
        lower: raw.text.toLowerCase(),
        tags,
        start,
        end: start + length,
        clause,
        negated: negatedClause === clause && !isNegator,
        possessive: possessive || tags.has('Possessive'),
        hyphenNext: post.startsWith('-'),
        capitalized: /^\p{Lu}/u.test(raw.text),
      };
      // A lone "/", "|", "+" or arrow separates items in shorthand ("104 / Glasswing / gen'd").
      if (/^(?:\/|\||\+|->|=>|→|&)$/.test(raw.text.trim())) {
        clause++;
        continue;
      }
      if (length > 0) tokens.push(token);
      // A negation inside a quotation ("swap the line to 'I'm not coming back' and fix the
      // mouth") ends where the quotation does.
      if (negatedClause === clause && negatorQuoted && /['’"”]/.test(post)) negatedClause = -1;
      if (CLAUSE_PUNCTUATION.test(post)) clause++;
    }
  }
  const people: { first: number; last: number }[] = [];
  for (const match of doc.people().json({ offset: true }) as { offset?: { start: number; length: number } }[]) {
    if (!match.offset) continue;
    const first = tokens.findIndex((t) => t.start >= match.offset!.start);
    const end = match.offset.start + match.offset.length;
    let last = first;
    while (last + 1 < tokens.length && tokens[last + 1].end <= end) last++;
    if (first >= 0) people.push({ first, last });
  }
  return { text, tokens, people };
}
