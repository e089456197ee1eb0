// What every rule is: its metadata (the catalog, hovers, settings and the summary read it)
// and a detector that finds the note's words implying its category.
import type { CategoryId, Severity } from '../categories';
import type { NoteContext } from '../classify/context';
import type { AnalyzedText } from '../nlp/analyzeText';
import { compilePattern, isNegated, matchPattern, type CompiledPattern, type EntityMention, type Entities, type Lists } from '../nlp/patterns';
import { LEXICON } from '../classify/entities';
import principlesJson from './principles.json';

export type PrincipleId = 'P1' | 'P2' | 'P3' | 'P4' | 'P5';

export const PRINCIPLES = principlesJson as unknown as Record<PrincipleId, { title: string; text: string }>;

export interface RuleMeta {
  id: CategoryId;
  /** Short title ("Talent likeness"). */
  title: string;
  /** What the note implies, for messages: "talent likeness (a real performer's face, body or voice)". */
  implies: string;
  principles: PrincipleId[];
  /** The guidance's written-approval area ("Talent and performance"). */
  approvalArea: string;
  /** Named sources the rule rests on. */
  sources: string[];
  /** Why this needs approval, in our words: the hover text. */
  explanation: string;
  /** What the production should do next. */
  nextSteps: string;
  defaultSeverity: Severity;
  /** Whether a low-risk scope (mood board, temp, previs…) takes the category away. */
  lowRiskApplies: boolean;
}

export interface RuleData extends RuleMeta {
  lists?: Record<string, string[]>;
  /** Patterns (nlp/patterns.ts syntax) whose match implies the category. */
  patterns: string[];
  /** Patterns that contain their own negation ("no writer on the rewrite") and count even so. */
  negatedPatterns?: string[];
  /**
   * Patterns whose match keeps the category even under a low-risk scope: "storyboards from the
   * model; we are not hiring the board artists" replaces people whatever the output is for.
   */
  lowRiskProof?: string[];
}

export interface RuleInput {
  text: AnalyzedText;
  entities: Entities;
  context: NoteContext;
}

/** Words of the note that imply the rule's category. */
export interface Trigger {
  start: number;
  end: number;
  text: string;
  /** Entities the match went through (the main character, the real person…). */
  entities: { name: string; mention: EntityMention }[];
}

export interface Rule extends RuleMeta {
  detect(input: RuleInput): Trigger[];
  /** Whether the note says something that keeps the category under a low-risk scope. */
  survivesLowRisk?(input: RuleInput): boolean;
}

function compileAll(sources: readonly string[] | undefined, lists: Lists): CompiledPattern[] {
  return (sources ?? []).map((p) => compilePattern(p, lists));
}

/** Index of the token a trigger starts at (-1 if none does). */
export function triggerTokenIndex(input: RuleInput, trigger: Trigger): number {
  return input.text.tokens.findIndex((tok) => tok.start === trigger.start);
}

/**
 * `rule` keeping only the triggers a note-level judge accepts. `judge` is asked once per note and
 * returns the test for each trigger, given the index of the token the trigger starts at (-1 when
 * none does): what it needs from the note it works out once.
 */
export function keepTriggers(rule: Rule, judge: (input: RuleInput) => (trigger: Trigger, at: number) => boolean): Rule {
  return {
    ...rule,
    detect(input) {
      const keep = judge(input);
      return rule.detect(input).filter((t) => keep(t, triggerTokenIndex(input, t)));
    },
  };
}

/** Finds every non-negated match of the patterns, one trigger per place in the note. */
export function matchTriggers(input: RuleInput, patterns: readonly CompiledPattern[], negationAllowed: readonly CompiledPattern[] = []): Trigger[] {
  const triggers: Trigger[] = [];
  const add = (pattern: CompiledPattern, allowNegated: boolean) => {
    for (const m of matchPattern(pattern, input.text, input.entities)) {
      if (!allowNegated && isNegated(input.text, m)) continue;
      // An entity under negation ("do NOT generate Marisol") does not count either.
      if (!allowNegated && m.entities.some((e) => input.text.tokens[e.mention.first].negated)) continue;
      const start = input.text.tokens[m.first].start;
      const end = input.text.tokens[m.last].end;
      if (triggers.some((t) => t.start < end && start < t.end)) continue;
      triggers.push({ start, end, text: input.text.text.slice(start, end), entities: m.entities });
    }
  };
  for (const p of patterns) add(p, false);
  for (const p of negationAllowed) add(p, true);
  return triggers.sort((a, b) => a.start - b.start);
}

/** A rule whose detection is its patterns alone; `extra` adds what patterns cannot say. */
export function patternRule(data: RuleData, extra?: (input: RuleInput) => Trigger[]): Rule {
  const lists: Lists = { ...LEXICON, ...(data.lists ?? {}) };
  const patterns = compileAll(data.patterns, lists);
  const negatedPatterns = compileAll(data.negatedPatterns, lists);
  const proof = compileAll(data.lowRiskProof, lists);
  const { lists: _lists, patterns: _patterns, negatedPatterns: _negated, lowRiskProof: _proof, ...meta } = data;
  return {
    ...meta,
    survivesLowRisk: proof.length > 0 ? (input) => matchTriggers(input, [], proof).length > 0 : undefined,
    detect(input) {
      const triggers = matchTriggers(input, patterns, negatedPatterns);
      if (extra) for (const t of extra(input)) if (!triggers.some((x) => x.start < t.end && t.start < x.end)) triggers.push(t);
      return triggers;
    },
  };
}
