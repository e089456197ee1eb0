// Decides whether a note is an AI-use annotation: it says that the production uses or will use
// a generative tool. An explicit marker ("GenAI:", "[[AI: …]]") says so outright; otherwise a
// named tool, a generative technique ("voice clone", "de-age") or an AI term used as a tool
// ("AI-generated", "with AI", "an AI upscaler") must appear outside negation. "We are not using
// AI", "the AI ethics board", "the generator truck" and "Movie Magic generates the call sheet"
// are not uses.
import type { Evidence } from '../findings';
import { insideQuote, type AnalyzedText, type Token } from '../nlp/analyzeText';
import { compilePattern, matchPattern, type EntityMention, type Entities } from '../nlp/patterns';
import data from './aiUse.json';
import { LEXICON } from './entities';

export const DEFAULT_MARKERS: readonly string[] = data.markers;

const useWithoutAiWord = data.useWithoutAiWord.map((p) => compilePattern(p, LEXICON));
const generativeVerb = compilePattern('@generativeVerb', LEXICON);
const documentNoun = compilePattern('@documentNoun', LEXICON);
const ideation = compilePattern('mood_board|mood_boards|moodboard|moodboards|lookbook|palette|reference_board|reference_images', LEXICON);

// Words that are generative verbs in notes' shorthand ("synth his lines", "gen the dome") but
// also nouns ("my synths", "Gen Z"): they count only where they read as a verb.
// "BERTHA gen shot": compromise reads "shot" as a verb, but after "gen" it is the output.
const GEN_OUTPUTS = new Set(['shot', 'shots', 'plate', 'plates', 'crowd', 'set', 'cut', 'take', 'takes', 'pass', 'comp', 'render', 'version']);
const AMBIGUOUS_VERBS = new Set(['synth', 'synths', 'gen', 'regen', 'prompt', 'prompts']);

function usedAsVerb(text: AnalyzedText, i: number): boolean {
  const tokens = text.tokens;
  const t = tokens[i];
  if (/s$/.test(t.norm) && t.norm !== 'prompts') return false;
  const before = tokens[i - 1];
  const after = tokens[i + 1];
  // "| gen, final |", "the glow is 100% gen": shorthand for generated, standing alone.
  const alone = (!before || before.clause !== t.clause || /^(\d+%|fully|all|entirely|totally|100)$/.test(before.norm)) && (!after || after.clause !== t.clause);
  if (/^gen$/.test(t.norm) && alone) return true;
  // "with gen people", "gen'd crowd": shorthand for generated, before a noun.
  if (/^gen/.test(t.norm) && after && after.clause === t.clause && (((after.tags.has('Noun') || after.tags.has('Plural')) && !after.tags.has('Pronoun')) || GEN_OUTPUTS.has(after.norm))) return true;
  if (before && before.clause === t.clause && (before.tags.has('Determiner') || before.tags.has('Possessive') || before.tags.has('Adjective') || before.tags.has('Preposition'))) return false;
  // "prompt 'sounds like HAL 9000'": a prompt quoted right after the word.
  if (t.norm === 'prompt' && /^\s*['"“‘]/.test(text.text.slice(t.end, t.end + 3))) return true;
  if (!after || after.clause !== t.clause) return false;
  if (after.tags.has('Verb') && !after.tags.has('Possessive') && !after.tags.has('Gerund')) return false;
  return true;
}

/** "Dropped the gen'd-dancers idea": a use decided against. */
function droppedIdea(text: AnalyzedText, i: number): boolean {
  const tokens = text.tokens;
  for (let k = i - 1; k >= 0 && k >= i - 5 && tokens[k].clause === tokens[i].clause; k--) {
    if (tokens[k].norm === 'against' && k > 0 && /^(decided|decide|decides|voted|ruled|went)$/.test(tokens[k - 1].norm)) return true;
    if (/^(scrap|scrapped|abandon|abandoned|ditch|ditched|shelve|shelved|bin|binned|cancel|cancelled|canceled|nix|nixed)$/.test(tokens[k].norm)) return true;
    // "dropped" and "killed" drop an idea only when one is named ("Dropped the gen'd-dancers idea"), not "dropped them into Runway".
    if (/^(drop|dropped|kill|killed)$/.test(tokens[k].norm) && tokens.some((t) => t.clause === tokens[i].clause && /^(idea|ideas|plan|plans|approach|option|notion|test)$/.test(t.norm))) return true;
  }
  return false;
}

/**
 * "Movie Magic generates the call sheet", "the schedule generates from the breakdown": the verb's
 * subject or object (the words right before it, or its noun phrase after it) is paperwork.
 */
function generatesPaperwork(text: AnalyzedText, verbIndex: number, documents: readonly { first: number; last: number }[]): boolean {
  const tokens = text.tokens;
  const clause = tokens[verbIndex].clause;
  let objectEnd = verbIndex + 1;
  while (objectEnd < tokens.length && objectEnd - verbIndex <= 5 && tokens[objectEnd].clause === clause && !tokens[objectEnd].tags.has('Preposition')) objectEnd++;
  return documents.some((d) => tokens[d.first].clause === clause && ((d.first > verbIndex && d.first < objectEnd) || (d.last < verbIndex && verbIndex - d.last <= 2 && !tokens.slice(d.last + 1, verbIndex).some((t) => t.tags.has('Preposition')))));
}
const generateVerbs = new Set(data.generateVerbs);
const institutions = new Set(LEXICON.institution);
const topicWords = new Set(LEXICON.topicPreposition);
const PHYSICAL = new Set(['silicone', 'latex', 'plaster', 'prosthetic', 'practical', 'physical', 'foam', 'resin', 'wax', 'rubber', '3d-printed', 'printed', 'cast']);
const AI_WORDS = new Set(['ai', 'a.i', 'genai', 'gen', 'generative', 'ml', 'machine', 'learning']);

export interface AiUse {
  /** The explicit marker at the start of the note, if any. */
  marker?: { text: string; start: number; end: number };
  /** What makes the note an AI use: tools, techniques, AI terms (character offsets in the note). */
  evidence: Evidence[];
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const markerCache = new Map<string, RegExp>();

/** `GenAI:` / `AI -` / `Gen AI —` at the start of a note, for the configured marker words. */
export function markerRegExp(markers: readonly string[]): RegExp {
  const key = markers.join('\u0000');
  let re = markerCache.get(key);
  if (!re) {
    const alternatives = [...markers].sort((a, b) => b.length - a.length).map((m) => escapeRegExp(m).replace(/\\ |\s+/g, '[\\s-]?'));
    // A marker is followed by a colon, or by a dash with space around it (not "AI-generated"),
    // or sits in brackets ("[AI] design the backdrop").
    re = new RegExp(`^[\\s>*_#-]*(?:(?:${alternatives.join('|')})(?:\\s*:|\\s+[-\\u2013\\u2014]\\s|\\s*[\\u2013\\u2014])|[[(](?:${alternatives.join('|')})[\\])]:?)`, 'i');
    markerCache.set(key, re);
  }
  return re;
}

function mentionText(text: AnalyzedText, m: { first: number; last: number }): { text: string; start: number; end: number } {
  const start = text.tokens[m.first].start;
  const end = text.tokens[m.last].end;
  return { text: text.text.slice(start, end), start, end };
}

/**
 * "guidance on AI", "the email about AI tools", "asked whether we'd use AI": AI as a topic or a
 * question, not as a tool in use.
 */
function isTopic(text: AnalyzedText, m: EntityMention): boolean {
  const tokens = text.tokens;
  // ".ai files": a file extension.
  if (text.text[tokens[m.first].start - 1] === '.') return true;
  // "Was the cubs shot AI? No - real trail-cam": a question about AI, not a use.
  const clauseEnd = tokens.filter((t) => t.clause === tokens[m.first].clause).pop();
  // "can we AI the little boy's line?" proposes a use; "was the cubs shot AI?" asks about one.
  const clauseTokens = tokens.filter((t) => t.clause === tokens[m.first].clause);
  const upTo = clauseTokens.filter((t) => t.start < tokens[m.first].start).map((t) => t.norm).join(' ');
  const proposal = /\b(?:(?:can|could|shall|should|will|would|can't|couldn't|shouldn't|why don't) (?:we|i|you|they)|(?:would|could|is|was) it be|what if|how about|why not)\b/.test(upTo);
  if (clauseEnd && !proposal && /^\s*\?/.test(text.text.slice(clauseEnd.end, clauseEnd.end + 2))) return true;
  // "AI in VFX panel at the fest": an event about AI.
  for (let k = m.last + 1; k < tokens.length && k <= m.last + 4 && tokens[k].clause === tokens[m.first].clause; k++) {
    if (/^(her|his|their|our|my|your|its)$/.test(tokens[k].norm)) break;
    if (/^(panel|panels|talk|talks|conference|summit|course|workshop|seminar|webinar|meetup|keynote|lecture|masterclass)$/.test(tokens[k].norm)) return true;
  }
  const before = tokens[m.first - 1];
  if (before && topicWords.has(before.norm)) return true;
  for (let i = m.first - 1; i >= 0 && tokens[i].clause === tokens[m.first].clause; i--) {
    // "asked if we'd use AI" is a question about it; "If the actor can't come, we build a double" a plan.
    if (/^(whether|wondered|wonders|wondering)$/.test(tokens[i].norm)) return true;
    if (tokens[i].norm === 'if' && i > 0 && /^(ask|asks|asked|asking|wonder|see|check|checking|know|knows|sure)$/.test(tokens[i - 1].norm)) return true;
  }
  for (let i = m.first - 1; i >= Math.max(0, m.first - 4); i--) {
    if (tokens[i].clause !== tokens[m.first].clause) break;
    if (/^(on|for|around|over)$/.test(tokens[i].norm) && i > 0 && institutions.has(tokens[i - 1].norm)) return true;
  }
  return false;
}

const EVENT_NOTE = /\b(?:panel|panels|webinar|workshop|seminar|keynote|masterclass)\b/i;

function isUsedAsTool(text: AnalyzedText, m: EntityMention, hasGenerateVerb: boolean): boolean {
  const tokens = text.tokens;
  if (tokens[m.first].negated) return false;
  // "Panel invite: 'AI and the documentary' at Hot Docs": a note about an event on AI.
  if (EVENT_NOTE.test(text.text) && !hasGenerateVerb) return false;
  if (isTopic(text, m)) return false;
  // Look past the rest of an AI phrase ("generative AI use") to the words it qualifies: "the AI
  // ethics board", "an AI dubbing company".
  let next = m.last + 1;
  while (next < tokens.length && AI_WORDS.has(tokens[next].norm)) next++;
  // The words right after: a noun ("ethics"), or a modifier and its noun ("dubbing company").
  // A participle ("AI-made", "AI-generated") means the AI made something: a use.
  const qualified: Token[] = [];
  for (let k = next; k < next + 2 && k < tokens.length && tokens[k].clause === tokens[m.last].clause; k++) {
    const t = tokens[k];
    if (t.tags.has('Verb') && !t.tags.has('Gerund')) break;
    if (!t.tags.has('Noun') && !t.tags.has('Gerund') && !t.tags.has('Adjective')) break;
    qualified.push(t);
  }
  if (qualified.some((t) => institutions.has(t.norm))) {
    // "the AI ethics board": an institution, a use only if the note also generates something.
    return hasGenerateVerb;
  }
  return true;
}

/** Returns how the note is an AI use, or undefined when it is not one. */
export function detectAiUse(text: AnalyzedText, entities: Entities, markers: readonly string[]): AiUse | undefined {
  const evidence: Evidence[] = [];
  const rest = text.text.replace(markerRegExp(markers), '');
  const markerMatch = markerRegExp(markers).exec(text.text);
  const tokens = text.tokens;
  // A verb right after an AI word qualifies it ("an AI dubbing company") rather than telling
  // what is made.
  const afterAiWord = (i: number) => i > 0 && AI_WORDS.has(tokens[i - 1].norm);
  const hasGenerateVerb = tokens.some((t, i) => !t.negated && t.tags.has('Verb') && !(t.tags.has('Gerund') && afterAiWord(i)) && (generateVerbs.has(t.norm) || generateVerbs.has(t.root)));
  // "AI (action item): …", "AIs from the meeting", "AI (Andy Ives, armorer)", "AI = Aisha Iqbal":
  // meeting-notes shorthand and people's initials, not a tool.
  const initialsNamed = /\b(?:AI|ML)\s*=\s*\p{Lu}\p{Ll}+\s+\p{Lu}/u.test(text.text);
  const actionItems = [
    ...text.text.matchAll(/\b(?:AI|ML)s?\b(?=\s*(?:\(\s*action items?\s*\)|[:=]\s*action items?\b|\(\s*\p{Lu}\p{Ll}+[\s.]+\p{Lu}))|\bAIs\b(?=\s+(?:from|for|of)\s+(?:the\s+)?(?:meeting|call|sync))/gu),
  ].map((m) => m.index ?? -1);
  // "Ai Tanabe (2nd unit DP)": a name, written as one.
  const personNamedAi = (m: EntityMention) => tokens[m.first].text === 'Ai' && m.first === m.last && (tokens[m.last + 1]?.capitalized ?? false) && !AI_WORDS.has(tokens[m.last + 1].norm);
  const initials = (m: EntityMention) => personNamedAi(m) || (initialsNamed ? /^(ai|ml)$/i.test(tokens[m.first].text) : actionItems.includes(tokens[m.first].start));
  // "an 'AI bakery' in the story": the fiction's AI, not the production's.
  const inStory = /\bin(?:-|\s+the\s+)(?:story|fiction)\b|\bartificial insemination\b/i.test(text.text);

  for (const name of ['tool', 'technique', 'ai'] as const) {
    for (const m of entities[name] ?? []) {
      if (initials(m) || (inStory && name !== 'tool') || droppedIdea(text, m.first)) continue;
      const ok = name === 'tool' ? !tokens[m.first].negated : isUsedAsTool(text, m, hasGenerateVerb);
      if (!ok) continue;
      const where = mentionText(text, m);
      evidence.push({ kind: name === 'tool' ? 'tool' : 'term', text: where.text, span: { start: where.start, end: where.end } });
    }
  }
  // "Generated gulls in the far background", "the exterior will be generated": in production
  // notes, generating pictures, voices or effects means a generative tool. Generating a call
  // sheet, a schedule or a PDF does not.
  // "standard tweening, no AI": a note that rules AI out is not read as a use from its verbs.
  // …within its own sentence: "No AI on the actors' faces. Only the tentacles get generated."
  const negatedAi = evidence.length === 0 ? (entities.ai ?? []).filter((m) => tokens[m.first].negated) : [];
  const rulesAiOutAt = (verb: number) => negatedAi.some((m) => !/[.!?;]\s|\bbut\b|\bonly\b|\bjust\b|\binstead\b/i.test(text.text.slice(Math.min(tokens[m.first].end, tokens[verb].end), Math.max(tokens[m.first].start, tokens[verb].start))));
  // "Black Book pages generated": pages of the story's own prop are imagery, not paperwork.
  const story = [...(entities.element ?? []), ...(entities.char ?? []), ...(entities.setting ?? [])];
  const documents = matchPattern(documentNoun, text).filter((d) => !story.some((m) => m.last + 1 >= d.first && m.first <= d.last));
  const negatedGeneration: number[] = [];
  for (const m of matchPattern(generativeVerb, text)) {
    const verb = tokens[m.first];
    if (verb.negated) {
      negatedGeneration.push(m.first);
      continue;
    }
    if (rulesAiOutAt(m.first) || droppedIdea(text, m.first) || generatesPaperwork(text, m.first, documents) || insideQuote(text.text, verb.start)) continue;
    if (AMBIGUOUS_VERBS.has(verb.norm) && !usedAsVerb(text, m.first)) continue;
    evidence.push({ kind: 'term', text: text.text.slice(verb.start, verb.end), span: { start: verb.start, end: verb.end } });
  }
  // "Mood board only, don't generate Desmond himself": a decision about what a generative tool
  // may make, so still a (low-risk) use of one.
  if (evidence.length === 0 && negatedGeneration.length > 0) {
    for (const m of matchPattern(ideation, text)) {
      const t = tokens[m.first];
      evidence.push({ kind: 'term', text: text.text.slice(t.start, tokens[m.last].end), span: { start: t.start, end: tokens[m.last].end } });
    }
  }
  for (const p of useWithoutAiWord) {
    for (const m of matchPattern(p, text, entities)) {
      if (tokens[m.first].negated || droppedIdea(text, m.first)) continue;
      // "a silicone clone of Baldric's hand": a physical copy.
      if (PHYSICAL.has(tokens[m.first - 1]?.norm ?? '')) continue;
      const where = mentionText(text, m);
      evidence.push({ kind: 'term', text: where.text, span: { start: where.start, end: where.end } });
    }
  }

  if (markerMatch) {
    // The marker's own words ("GenAI") are not evidence of a use beyond the marker.
    const markerEnd = markerMatch[0].length;
    for (let i = evidence.length - 1; i >= 0; i--) if ((evidence[i].span?.end ?? Infinity) <= markerEnd) evidence.splice(i, 1);
    const afterMarker = rest.trim().toLowerCase();
    const saysNoUse = data.notAUseAfterMarker.some((w) => afterMarker === w || afterMarker.startsWith(w + ' ') || afterMarker.startsWith(w + '.') || afterMarker.startsWith(w + ','));
    if (saysNoUse && evidence.length === 0) return undefined;
    // "GenAI: we are not using AI on this scene" marks a decision against a use.
    const negatedMention = (['tool', 'technique', 'ai'] as const).some((n) => (entities[n] ?? []).some((m) => tokens[m.first].negated));
    if (negatedMention && evidence.length === 0) return undefined;
    const markerText = markerMatch[0].trim();
    const start = markerMatch[0].length - markerMatch[0].trimStart().length;
    return { marker: { text: markerText, start, end: start + markerText.length }, evidence };
  }
  return evidence.length > 0 ? { evidence } : undefined;
}
