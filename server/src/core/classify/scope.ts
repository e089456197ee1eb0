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

export function findScope(text: AnalyzedText): ScopeEvidence[] {
  const found: ScopeEvidence[] = [];
  for (const { kind, patterns } of compiled) {
    for (const p of patterns) {
      for (const m of matchPattern(p, text)) {
        const first = text.tokens[m.first];
        if (first.negated && !NEGATION_WORDS.test(p.source)) continue;
        const start = first.start;
        const end = text.tokens[m.last].end;
        if (found.some((f) => f.span && f.span.start < end && start < f.span.end)) continue;
        found.push({ kind: 'scope', scope: kind, text: text.text.slice(start, end), span: { start, end } });
      }
    }
  }
  return found.sort((a, b) => a.span!.start - b.span!.start);
}
