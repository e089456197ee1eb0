// Classifies one note: is it an AI use, which categories does it imply, is the use low-risk,
// does it cite an approval. Pure and cached: the same text in the same context gives the same
// answer without running the NLP again.
import { findApproval, type ApprovalLookup } from '../approvals/approval';
import type { TextPattern } from '../config/userPattern';
import type { CategoryId, Outcome } from '../categories';
import type { Evidence } from '../findings';
import { analyzeText } from '../nlp/analyzeText';
import type { EntityMention } from '../nlp/patterns';
import { RULES, sortCategories } from '../rules/catalog';
import type { Trigger } from '../rules/rule';
import { detectAiUse, type AiUse } from './aiUse';
import { contextKey, type NoteContext } from './context';
import { findEntities } from './entities';
import { mightBeAiUse } from './prefilter';
import { findScope, type ScopeEvidence } from './scope';

export interface ClassifyOptions {
  markers: readonly string[];
  /** Replaces the default approval pattern; its first capture group is the reference. */
  approvalPattern?: RegExp | TextPattern;
}

export interface Classification {
  outcome: Outcome;
  categories: CategoryId[];
  /** Why: the marker, the words behind each category, the scope words, the approval. Offsets are in the note text. */
  evidence: Evidence[];
  approval: ApprovalLookup;
  /** The first generative tool the note names. */
  tool?: string;
  /** Scope words that make the use low-risk (empty when it is not). */
  lowRisk: ScopeEvidence[];
  /**
   * Categories a low-risk scope would not lift: rules a temporary use does not change (a real
   * person's likeness), and words that keep a rule under any scope ("replaces the extras").
   */
  keptWhenTemporary: CategoryId[];
  aiUse?: AiUse;
}

const NONE: Classification = { outcome: 'none', categories: [], evidence: [], approval: {}, lowRisk: [], keptWhenTemporary: [] };

const cache = new Map<string, Classification>();
const CACHE_LIMIT = 5000;

export function classifyNote(text: string, context: NoteContext, options: ClassifyOptions): Classification {
  const key = `${contextKey(context)}\u0000${options.markers.join('|')}\u0000${options.approvalPattern?.source ?? ''}\u0000${text}`;
  const hit = cache.get(key);
  if (hit) return withCurrentContext(hit, context);
  const result = classifyUncached(text, context, options);
  cache.set(key, result);
  if (cache.size > CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
  return result;
}

/**
 * Evidence that quotes the context (why a character is main, where its first cue is). The cache
 * is keyed by the context's names only, so that an edit elsewhere in the screenplay keeps the
 * cache; the reasons and places behind the names move with such edits, so a cached answer takes
 * them from the current context.
 */
const fromContext = new WeakMap<Evidence, { name: string; mention: EntityMention }>();

function withCurrentContext(cached: Classification, context: NoteContext): Classification {
  if (!cached.evidence.some((e) => fromContext.has(e))) return cached;
  const evidence = cached.evidence.map((e) => {
    const source = fromContext.get(e);
    return (source && e.category && entityEvidence(e.category, source.name, source.mention, context)) || e;
  });
  return { ...cached, evidence };
}

function entityEvidence(category: CategoryId, name: string, mention: EntityMention, context: NoteContext): Evidence | undefined {
  if (name === 'char') {
    const ref = context.mainCharacters.find((c) => c.name === mention.value);
    const evidence: Evidence = { kind: 'main-character', category, text: `${mention.value}: ${ref?.reason ?? 'a main character'}`, location: ref?.location };
    fromContext.set(evidence, { name, mention });
    return evidence;
  }
  if (name === 'setting') {
    const ref = context.centralSettings.find((s) => s.name === mention.value);
    const evidence: Evidence = { kind: 'central-setting', category, text: `${mention.value}: ${ref?.reason ?? 'a central setting'}`, location: ref?.location };
    fromContext.set(evidence, { name, mention });
    return evidence;
  }
  if (name === 'person') {
    const member = context.cast.find((c) => c.name === mention.value);
    const text = member ? `${member.name}: cast${member.role ? `, plays ${member.role}` : ''}` : `${mention.value}: a real person`;
    return { kind: 'real-person', category, text };
  }
  return undefined;
}

/**
 * How much of one note the language analysis reads. Production notes are a few lines; a
 * "note" of megabytes (a pasted log, a runaway boneyard) is read up to here so that analysis
 * time stays bounded. The approval search still reads the whole note.
 */
export const MAX_ANALYSED_NOTE_LENGTH = 4000;

export function analysedPart(text: string): string {
  if (text.length <= MAX_ANALYSED_NOTE_LENGTH) return text;
  let cut = MAX_ANALYSED_NOTE_LENGTH;
  // Never split a surrogate pair; prefer a word boundary.
  const space = text.lastIndexOf(' ', cut);
  if (space > MAX_ANALYSED_NOTE_LENGTH / 2) cut = space;
  else if (/[\uD800-\uDBFF]/.test(text[cut - 1])) cut--;
  return text.slice(0, cut);
}

function classifyUncached(text: string, context: NoteContext, options: ClassifyOptions): Classification {
  if (!mightBeAiUse(analysedPart(text), options.markers)) return NONE;
  const analyzed = analyzeText(analysedPart(text));
  const entities = findEntities(analyzed, context);
  const aiUse = detectAiUse(analyzed, entities, options.markers);
  if (!aiUse) return NONE;

  const input = { text: analyzed, entities, context };
  const triggers = new Map<CategoryId, Trigger[]>();
  for (const rule of RULES) {
    const found = rule.detect(input);
    if (found.length > 0) triggers.set(rule.id, found);
  }

  // In a documentary, sharpening, upscaling or "improving" a real photo or film invents detail
  // in the record itself: not the customary assistance it is in a drama.
  // A texture on the story's own creature or prop ("GRAYBACK full CG with a generative texture
  // pass") is the element on screen, not a background texture nobody notices.
  const storyThing = (entities.element ?? []).length > 0 || (entities.char ?? []).length > 0;
  const scope = findScope(analyzed).filter(
    (s) =>
      !(context.productionType === 'documentary' && s.scope === 'assistive' && /^(sharpen|upscal|enhanc|improv|restor|colou?ri[sz])/i.test(s.text)) &&
      !(storyThing && s.scope === 'background' && /^textures?$/i.test(s.text)),
  );
  // "Final version of the AI lookbook": final of an ideation or off-screen piece is not a deliverable.
  const finalTriggers = (triggers.get('final-deliverable') ?? []).filter(
    (t) =>
      !/^(final|finished)\b/i.test(t.text) ||
      (!scope.some((s) => (s.scope === 'ideation' || s.scope === 'offScreen') && s.span!.start >= t.start && s.span!.start - t.end < 24) &&
        // "…for Kit's final look before the fitting - reference only": the whole use is declared low-risk.
        !scope.some((s) => (s.scope === 'ideation' || s.scope === 'offScreen') && /\bonly\s*$/i.test(analyzed.text.slice(s.span!.start, s.span!.end + 6)))),
  );
  if (finalTriggers.length === 0) triggers.delete('final-deliverable');
  else triggers.set('final-deliverable', finalTriggers);
  const finalUse = triggers.has('final-deliverable');
  // A cosmetic touch-up or continuity fix is a customary alteration of a performance, exempt
  // from consent, unless the note also replicates the person (a clone, swap, replica, de-ageing).
  const customary = scope.filter((s) => s.scope === 'customary');
  if (customary.length > 0 && (entities.technique ?? []).length === 0) triggers.delete('talent-likeness');
  const lowRisk = !finalUse ? scope.filter((s) => s.scope !== 'customary' || triggers.size === 0) : [];
  if (lowRisk.length > 0) {
    for (const rule of RULES) if (rule.lowRiskApplies && !rule.survivesLowRisk?.(input)) triggers.delete(rule.id);
  }

  // In a documentary the main characters are the real people it is about: generating or
  // altering one of them uses a real person's likeness, in imagery an audience takes as real.
  // (Only where the main character survives a low-risk scope: a mood board of them stays one.)
  const mainTriggers = triggers.get('main-character');
  if (context.productionType === 'documentary' && mainTriggers) {
    if (!triggers.has('talent-likeness')) triggers.set('talent-likeness', mainTriggers);
    if (!triggers.has('documentary-imagery')) triggers.set('documentary-imagery', mainTriggers);
  }
  // …and any real person's likeness it generates passes for a record of them.
  const likenessTriggers = triggers.get('talent-likeness');
  if (context.productionType === 'documentary' && likenessTriggers && !triggers.has('documentary-imagery')) triggers.set('documentary-imagery', likenessTriggers);


  // Guiding principle 4 asks whether generated material stays temporary. A note that generates
  // something and says nothing of the kind (no mood board, temp, previs, background…) leaves
  // that unsure, and unsure escalates: the material is taken to be meant for the production.
  // In a documentary that means imagery an audience may take as real; where the note names a
  // key element or central setting, that element; otherwise the final deliverables.
  if (triggers.size === 0 && scope.length === 0) {
    const made = aiUse.evidence.find((e) => e.span && e.kind !== 'marker');
    const at = made?.span ?? aiUse.marker ?? { start: analyzed.tokens[0]?.start ?? 0, end: analyzed.tokens[0]?.end ?? 0 };
    const element = [...(entities.element ?? []), ...(entities.setting ?? [])].find((m) => !analyzed.tokens[m.first].negated);
    const category: CategoryId = context.productionType === 'documentary' ? 'documentary-imagery' : element ? 'key-element' : 'final-deliverable';
    const entitiesOf = element ? [{ name: entities.setting?.includes(element) ? 'setting' : 'element', mention: element }] : [];
    triggers.set(category, [{ start: at.start, end: at.end, text: analyzed.text.slice(at.start, at.end), entities: entitiesOf }]);
  }
  const evidence: Evidence[] = [];
  if (aiUse.marker) evidence.push({ kind: 'marker', text: aiUse.marker.text, span: { start: aiUse.marker.start, end: aiUse.marker.end } });
  evidence.push(...aiUse.evidence);
  const categories = sortCategories(triggers.keys());
  for (const category of categories) {
    for (const t of triggers.get(category)!) {
      evidence.push({ kind: 'term', category, text: t.text, span: { start: t.start, end: t.end } });
      for (const e of t.entities) {
        const extra = entityEvidence(category, e.name, e.mention, context);
        if (extra && !evidence.some((x) => x.kind === extra.kind && x.text === extra.text && x.category === category)) evidence.push(extra);
      }
    }
  }
  evidence.push(...lowRisk);

  const approval = findApproval(text, options.approvalPattern);
  if (approval.reference) {
    evidence.push({ kind: 'approval', text: approval.reference.reference, span: { start: approval.reference.start, end: approval.reference.end } });
  }
  const toolMention = entities.tool?.[0];
  const tool = toolMention ? text.slice(analyzed.tokens[toolMention.first].start, analyzed.tokens[toolMention.last].end) : undefined;

  const outcome: Outcome = categories.length === 0 ? 'disclose' : approval.reference ? 'approved' : 'approval-required';
  const keptWhenTemporary = RULES.filter((rule) => triggers.has(rule.id) && (!rule.lowRiskApplies || rule.survivesLowRisk?.(input) === true)).map((rule) => rule.id);
  return { outcome, categories, evidence, approval, tool, lowRisk, keptWhenTemporary: sortCategories(keptWhenTemporary), aiUse };
}
