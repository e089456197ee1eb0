// Finds the words that make a use low-risk: ideation, off-screen, temporary, an unnoticed
// background element, customary technical assistance, or a customary alteration of a
// performance (cosmetic touch-ups, continuity fixes), which the guidance exempts from consent.
import type { Evidence } from '../findings';
import type { AnalyzedText } from '../nlp/analyzeText';
import { compilePattern, matchPattern } from '../nlp/patterns';
import { LEXICON } from './entities';
import data from './scope.json';

export type ScopeKind = 'ideation' | 'offScreen' | 'temporary' | 'background' | 'assistive' | 'customary';

const KINDS: ScopeKind[] = ['ideation', 'offScreen', 'temporary', 'background', 'assistive', 'customary'];
const compiled = KINDS.map((kind) => ({ kind, patterns: (data[kind] as string[]).map((p) => compilePattern(p, LEXICON)) }));

// Scope phrases that themselves contain a negation ("not final", "not for screen") are matched
// whole; any other scope word under negation ("not a mood board") does not count.
const NEGATION_WORDS = /^(not|no|never|won't|isn't|non|nobody|nothing)\b/;

export interface ScopeEvidence extends Evidence {
  scope: ScopeKind;
}

// "write the narration from the transcripts", "the LLM writes it from our outline": what the
// tool is given is no sign of what it makes. A scope word right after one of these is an input.
const INPUT_WORDS = new Set(['from', 'off', 'using', 'of']);

/** Whether the words before `first` (the same clause, up to a determiner or two) say it is what the tool is fed. */
function isInput(text: AnalyzedText, first: number, kind: ScopeKind): boolean {
  if (kind !== 'assistive' && kind !== 'ideation') return false;
  const tokens = text.tokens;
  for (let i = first - 1; i >= 0 && i >= first - 3 && tokens[i].clause === tokens[first].clause; i--) {
    const t = tokens[i];
    if (INPUT_WORDS.has(t.norm)) return t.norm !== 'of' || (i > 0 && /^(out|based)$/.test(tokens[i - 1].norm));
    if (t.norm === 'on' && i > 0 && tokens[i - 1].norm === 'based') return true;
    if (!t.tags.has('Determiner') && !t.tags.has('Possessive') && !t.tags.has('Adjective')) return false;
  }
  return false;
}

const SOURCE_MEDIA = new Set(['photo', 'photos', 'photograph', 'footage', 'image', 'images', 'scan', 'scans', 'still', 'stills', 'plate', 'plates', 'clip', 'clips', 'tape', 'tapes', 'film', 'print', 'negative', 'recording', 'audio']);

/** "the cubs photo is blurry": the state of what the tool starts from, not a background element. */
function describesSource(text: AnalyzedText, first: number, kind: ScopeKind): boolean {
  if (kind !== 'background') return false;
  // "40 real BG", "150 BG": a head count of background actors, not an element nobody notices.
  const prev = text.tokens[first - 1];
  if (/^(bg|background)$/.test(text.tokens[first].norm) && prev && (/^\d/.test(prev.norm) || (prev.norm === 'real' && /^\d/.test(text.tokens[first - 2]?.norm ?? '')))) return true;
  // "the blurry 2009 shareholder photo": blur that describes the source picture.
  if (/^(blurry|blurred|soft|out-of-focus|grainy)$/.test(text.tokens[first].norm) && text.tokens.slice(first + 1, first + 5).some((t) => SOURCE_MEDIA.has(t.norm))) return true;
  const [noun, verb] = [text.tokens[first - 2], text.tokens[first - 1]];
  return verb !== undefined && /^(is|are|was|were|looks|look)$/.test(verb.norm) && noun !== undefined && SOURCE_MEDIA.has(noun.norm);
}

export function findScope(text: AnalyzedText): ScopeEvidence[] {
  const found: ScopeEvidence[] = [];
  for (const { kind, patterns } of compiled) {
    for (const p of patterns) {
      for (const m of matchPattern(p, text)) {
        const first = text.tokens[m.first];
        if (first.negated && !NEGATION_WORDS.test(p.source)) continue;
        if (isInput(text, m.first, kind) || describesSource(text, m.first, kind)) continue;
        const start = first.start;
        const end = text.tokens[m.last].end;
        if (found.some((f) => f.span && f.span.start < end && start < f.span.end)) continue;
        found.push({ kind: 'scope', scope: kind, text: text.text.slice(start, end), span: { start, end } });
      }
    }
  }
  return found.sort((a, b) => a.span!.start - b.span!.start);
}
