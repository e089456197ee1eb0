// Analyses one document: each production note is classified against the screenplay's cast and
// settings and the production's config, and every AI use becomes one finding with its outcome,
// categories, message and evidence. Pure: no file system, no editor.
import { findApproval, DEFAULT_APPROVAL_PATTERN } from './approvals/approval';
import { DISCLOSE_RULE_ID, type CategoryId, type Severity } from './categories';
import { classifyNote, type ClassifyOptions, type Classification } from './classify/classifyNote';
import { contextKey, type NoteContext } from './classify/context';
import { directiveOf, isDisclosureRecord } from './classify/suppression';
import { severityFor, type GenaiReviewConfig } from './config/config';
import { compileUserPattern, LinearPattern, type TextPattern } from './config/userPattern';
import type { Evidence, Finding } from './findings';
import { ContextIndex, noteWords } from './relevantContext';
import { PRIMARY_ORDER, ruleFor } from './rules/catalog';
import { scriptCast } from './script/cast';
import { noteSpanOf } from './text/noteOffset';
import type { NoteSpan, ProductionDocument, ScriptFacts } from './types';

/** The screenplay a document's notes are read against, and where it is. */
export interface ScriptContext {
  facts: ScriptFacts;
  /** Absent: the analysed document itself. */
  path?: string;
}

export interface AnalysisOptions {
  config: GenaiReviewConfig;
  script?: ScriptContext;
  /** Lets a caller spread a long analysis over time (the language server): see AnalysisPaused. */
  pause?: PausePoint;
}

/**
 * After each note classified beyond note `after`, `due()` may ask the analysis to stop: it
 * throws AnalysisPaused with the note it reached. Classifications are cached, so the caller
 * runs the analysis again (with `after` at the note reached) to go on where it stopped.
 */
export interface PausePoint {
  after: number;
  due(): boolean;
}

export class AnalysisPaused extends Error {
  constructor(readonly reached: number) {
    super(`analysis paused at note ${reached}`);
  }
}

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, information: 2, hint: 3 };

export function noteContext(config: GenaiReviewConfig, script: ScriptContext | undefined): NoteContext {
  const cast = scriptCast(script?.facts, script?.path, { mainCharacters: config.mainCharacters, centralSettings: config.centralSettings });
  return {
    mainCharacters: cast.main,
    minorCharacters: cast.minor,
    centralSettings: cast.settings,
    keyElements: cast.elements,
    storyNames: script?.facts.names ?? [],
    cast: config.cast,
    productionType: config.productionType,
    clearedTools: config.clearedTools,
  };
}

function approvalPatternOf(config: GenaiReviewConfig): RegExp | TextPattern {
  // A production's own pattern runs on the linear-time engine, never on RegExp. The config
  // parser and the settings reader have already refused one that cannot compile; should one
  // slip through, the built-in pattern is used rather than failing the review.
  if (!config.approvalPattern) return DEFAULT_APPROVAL_PATTERN;
  const compiled = compileUserPattern(config.approvalPattern);
  return compiled instanceof LinearPattern ? compiled : DEFAULT_APPROVAL_PATTERN;
}

function listCategories(categories: readonly CategoryId[]): string {
  const parts = categories.map((c) => ruleFor(c).implies);
  if (parts.length <= 1) return parts.join('');
  return `${parts.slice(0, -1).join('; ')}; and ${parts[parts.length - 1]}`;
}

export function findingMessage(c: Pick<Classification, 'outcome' | 'categories' | 'approval' | 'lowRisk'>): string {
  const implies = listCategories(c.categories);
  switch (c.outcome) {
    case 'approval-required': {
      const missing = c.approval.notYet ? `cites no written approval ("${c.approval.notYet}" is not a reference)` : 'cites no written approval';
      return `Implies ${implies} and ${missing}`;
    }
    case 'approved':
      return `Approved (${c.approval.reference?.reference}): implies ${implies}`;
    default: {
      const why = c.lowRisk.length > 0 ? ` (low risk: ${[...new Set(c.lowRisk.map((s) => s.text.toLowerCase()))].join(', ')})` : '';
      return `AI use to disclose to the studio contact${why}; no written approval needed`;
    }
  }
}

interface Classified {
  note: NoteSpan;
  classification: Classification;
}

/** Classifications of note texts in one context, and the context's entries by word. */
interface ContextMemo {
  index: ContextIndex;
  byText: Map<string, Classification>;
}

const MEMO_CONTEXTS = 16;
const MEMO_TEXTS = 5000;
const memos = new Map<string, ContextMemo>();

/**
 * Classifies note texts in `context`. A text seen before in the same context (an edit elsewhere
 * in the script) is answered from memory; otherwise the note is classified against the part of
 * the context it shares words with (relevantContext.ts), which the classifier's own cache has
 * usually seen, so a change to the script's facts re-runs only the notes that name what changed.
 */
function classifierFor(context: NoteContext, options: ClassifyOptions): (text: string) => Classification {
  const key = `${contextKey(context)}\u0000${options.markers.join('|')}\u0000${options.approvalPattern?.source ?? ''}`;
  let memo = memos.get(key);
  if (memo) memos.delete(key);
  else memo = { index: new ContextIndex(context), byText: new Map() };
  memos.set(key, memo);
  if (memos.size > MEMO_CONTEXTS) memos.delete(memos.keys().next().value as string);
  const { index, byText } = memo;
  return (text) => {
    let c = byText.get(text);
    if (!c) {
      c = classifyNote(text, index.forNote(noteWords(text)), options);
      byText.set(text, c);
      if (byText.size > MEMO_TEXTS) byText.delete(byText.keys().next().value as string);
    }
    return c;
  };
}

export function analyzeDocument(doc: ProductionDocument, options: AnalysisOptions): Finding[] {
  const { config } = options;
  const script = options.script ?? (doc.script ? { facts: doc.script } : undefined);
  const context = noteContext(config, script);
  const approvalPattern = approvalPatternOf(config);
  const classifyOptions = { markers: config.markers, approvalPattern: approvalPattern === DEFAULT_APPROVAL_PATTERN ? undefined : approvalPattern };
  const classify = classifierFor(context, classifyOptions);

  const uses: Classified[] = [];
  let skipNext = false;
  let lastUse: Classified | undefined;
  let inDisclosure = false;
  for (let i = 0; i < doc.notes.length; i++) {
    const note = doc.notes[i];
    const directive = directiveOf(note.text);
    if (directive === 'ignore-file') return [];
    if (directive === 'ignore-next') {
      skipNext = true;
      continue;
    }
    if (skipNext || directive === 'ignore') {
      skipNext = false;
      lastUse = undefined;
      continue;
    }
    // A disclosure record, and the lines that continue it, describe the use before them: an
    // approval reference written into the record counts for that use.
    const continuesRecord = inDisclosure && i > 0 && adjacent(doc.text, doc.notes[i - 1], note);
    if (isDisclosureRecord(note.text) || continuesRecord) {
      inDisclosure = true;
      if (lastUse) attachApproval(lastUse, note.text, approvalPattern);
      continue;
    }
    inDisclosure = false;
    const classification = classify(note.text);
    if (options.pause && i > options.pause.after && options.pause.due()) throw new AnalysisPaused(i);
    if (classification.outcome === 'none') {
      // "Approval: NFX-GAI-0142" on the line right under a use belongs to it; a note of its own
      // that happens to cite an approval ("Credits sequence: tool runs in the tenant. Approval: …")
      // does not.
      if (lastUse && adjacent(doc.text, lastUse.note, note)) attachApproval(lastUse, note.text, approvalPattern, true);
      lastUse = undefined;
      continue;
    }
    lastUse = { note, classification };
    uses.push(lastUse);
  }
  return uses.flatMap((u) => toFinding(u, config, context));
}

/** Only white space, with at most one line break, between two notes. */
export function adjacent(text: string, before: NoteSpan, after: NoteSpan): boolean {
  const between = text.slice(before.span.end, after.span.start);
  return /^[ \t]*(?:\r\n|\r|\n)?[ \t>*+-]*$/.test(between);
}

/** Words a line may hold beside the approval it cites and still be only about that approval. */
const MAX_WORDS_BESIDE_APPROVAL = 6;

function attachApproval(use: Classified, text: string, pattern: RegExp | TextPattern, onlyIfAboutApproval = false): void {
  const c = use.classification;
  if (c.outcome !== 'approval-required') return;
  const found = findApproval(text, pattern);
  if (!found.reference) return;
  if (onlyIfAboutApproval) {
    const rest = text.slice(0, found.reference.start) + ' ' + text.slice(found.reference.end);
    if ((rest.match(/[\p{L}\p{N}]+/gu) ?? []).length > MAX_WORDS_BESIDE_APPROVAL) return;
  }
  use.classification = {
    ...c,
    outcome: 'approved',
    approval: { reference: found.reference },
    evidence: [...c.evidence, { kind: 'approval', text: found.reference.reference }],
  };
}

/**
 * A remembered classification names a main character or central setting as the screenplay
 * showed it then; the reason ("speaks 16 times in 9 scenes") and the place of the first cue are
 * taken from the screenplay as it is now.
 */
function currentEvidence(e: Evidence, context: NoteContext): Evidence {
  const refs = e.kind === 'main-character' ? context.mainCharacters : e.kind === 'central-setting' ? context.centralSettings : undefined;
  const ref = refs?.find((r) => e.text.startsWith(`${r.name}: `));
  if (!ref) return e;
  const text = `${ref.name}: ${ref.reason}`;
  if (text === e.text && ref.location === e.location) return e;
  return { ...e, text, location: ref.location };
}

/**
 * The category that names a finding: the one whose approval is hardest to get, except that a
 * note naming a main character by the character's name is about the character first
 * ("generate Rosa's face"), while one naming the performer is about their likeness first
 * ("voice clone of Rosa Delgado").
 */
function primaryCategory(c: Classification, categories: readonly CategoryId[], noteText: string): CategoryId {
  const lower = noteText.toLowerCase();
  const namesCharacter = c.evidence.some((e) => e.kind === 'main-character' && lower.includes(e.text.split(':')[0].toLowerCase()));
  if (categories.includes('main-character') && namesCharacter && !categories.includes('documentary-imagery')) return 'main-character';
  return PRIMARY_ORDER.find((id) => categories.includes(id)) ?? categories[0];
}

function toFinding({ note, classification }: Classified, config: GenaiReviewConfig, context: NoteContext): Finding[] {
  let c = classification;
  // Categories switched off in the config are not reported; a use left without any is disclosed.
  const categories = c.categories.filter((id) => severityFor(config, id, ruleFor(id).defaultSeverity) !== 'off');
  if (categories.length !== c.categories.length) {
    c = { ...c, categories, outcome: categories.length === 0 ? 'disclose' : c.outcome };
  }
  let severity: Severity;
  let ruleId: string;
  if (c.outcome === 'approval-required') {
    const severities = categories.map((id) => severityFor(config, id, ruleFor(id).defaultSeverity)).filter((s): s is Severity => s !== 'off');
    severity = severities.sort((a, b) => SEVERITY_RANK[a] - SEVERITY_RANK[b])[0];
    ruleId = primaryCategory(c, categories, note.text);
  } else {
    const s = severityFor(config, c.outcome === 'approved' ? 'approved' : 'disclose', 'information');
    if (s === 'off') return [];
    severity = s;
    ruleId = c.outcome === 'approved' ? primaryCategory(c, categories, note.text) : DISCLOSE_RULE_ID;
  }
  const evidence: Evidence[] = c.evidence
    .filter((e) => !e.category || categories.includes(e.category))
    .map((e) => (e.span ? { ...e, span: noteSpanOf(note, e.span.start, e.span.end) } : currentEvidence(e, context)));
  const finding: Finding = {
    ruleId,
    severity,
    outcome: c.outcome as Finding['outcome'],
    categories,
    span: note.span,
    message: findingMessage(c),
    approval: c.approval.reference?.reference ?? null,
    evidence,
    note,
  };
  if (c.tool) finding.tool = c.tool;
  const kept = c.keptWhenTemporary.filter((id) => categories.includes(id));
  if (kept.length > 0) finding.keptWhenTemporary = kept;
  return [finding];
}
