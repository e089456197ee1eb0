// The disclosure summary a production coordinator sends to the studio contact: every AI use in
// the production, what each implies, which still need written approval, and the guiding
// principles each touches. Built from findings alone (pure, clock injected), rendered to
// Markdown by renderSummary.ts; the JSON form is this object as it is.
import { CATEGORY_IDS, type CategoryId } from '../categories';
import { DEFAULT_MARKERS } from '../classify/aiUse';
import type { Finding } from '../findings';
import { ruleFor } from '../rules/catalog';
import { PRINCIPLES, type PrincipleId } from '../rules/rule';
import { LineIndex } from '../text/lineIndex';
import type { ProductionDocument } from '../types';

export type UseOutcome = Finding['outcome'];

export interface SummaryFile {
  /** The file as the reader should see it: relative to the production folder, forward slashes. */
  path: string;
  doc: ProductionDocument;
  findings: readonly Finding[];
}

export interface SummaryOptions {
  /** The production's title from its config; wins over a title page. */
  title?: string;
  /** Used when neither config nor any screenplay's title page names the production. */
  fallbackTitle?: string;
  /** The clock: the summary's date. */
  now: Date;
}

export interface SummaryUse {
  /** 1-based number of the use in the summary, used to refer to it. */
  id: number;
  file: string;
  /** Scene heading, section or Markdown heading above the note, if any. */
  context: string | null;
  /** 1-based line of the note's start, as editors number lines. */
  line: number;
  /** The note's words, its marker ("GenAI:") left out. */
  what: string;
  categories: CategoryId[];
  outcome: UseOutcome;
  approval: string | null;
  tool: string | null;
}

export interface OpenItem {
  use: number;
  /** Per category: the written-approval area and what to do next (from the rule catalog). */
  steps: { category: CategoryId; title: string; approvalArea: string; nextSteps: string }[];
}

export interface PrincipleEntry {
  id: PrincipleId;
  title: string;
  text: string;
  /** Ids of the uses whose categories rest on this principle. */
  uses: number[];
}

export interface DisclosureSummary {
  version: 1;
  title: string;
  /** YYYY-MM-DD, local time of the clock. */
  date: string;
  files: string[];
  counts: {
    total: number;
    byOutcome: Record<UseOutcome, number>;
    /** Uses per category (a use counts once for each category it implies), and how many still need approval. */
    byCategory: Partial<Record<CategoryId, { uses: number; approvalRequired: number }>>;
  };
  uses: SummaryUse[];
  /** Uses that need written approval before the production proceeds. */
  needsApproval: OpenItem[];
  principles: PrincipleEntry[];
}

const WHAT_LIMIT = 300;

const STANDARD_MARKER = new RegExp(`^(?:${[...DEFAULT_MARKERS].sort((a, b) => b.length - a.length).map((m) => m.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})\\s*:`, 'i');

function isoDate(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** The note's words without the marker, on one line, shortened when very long. */
function whatOf(finding: Finding): string {
  let text = finding.note.text.trim();
  // A Fountain note kept in the boneyard: its words are inside the brackets.
  const bracketed = /^\[\[([^]*)\]\]$/.exec(text);
  if (bracketed) text = bracketed[1];
  // The marker the classifier saw ("GenAI:"), else a standard marker with its colon (a boneyard
  // note's marker sits inside its brackets, where the classifier does not look for one).
  const lead = text.trimStart();
  const seen = finding.evidence.find((e) => e.kind === 'marker' && lead.toLowerCase().startsWith(e.text.toLowerCase()));
  if (seen) text = lead.slice(seen.text.length);
  else {
    const standard = STANDARD_MARKER.exec(lead);
    if (standard) text = lead.slice(standard[0].length);
  }
  text = text.replace(/\s+/g, ' ').trim();
  return text.length > WHAT_LIMIT ? `${text.slice(0, WHAT_LIMIT - 1).trimEnd()}…` : text;
}

function titleOf(files: readonly SummaryFile[], options: SummaryOptions): string {
  if (options.title?.trim()) return options.title.trim();
  const screenplays = files.filter((f) => f.doc.kind === 'fountain' || f.doc.kind === 'fdx');
  const titled = screenplays.find((f) => f.doc.title?.trim());
  if (titled) return titled.doc.title!.replace(/\s+/g, ' ').trim();
  return options.fallbackTitle?.trim() || 'Untitled production';
}

export function buildSummary(files: readonly SummaryFile[], options: SummaryOptions): DisclosureSummary {
  const sorted = [...files].sort((a, b) => a.path.localeCompare(b.path));
  const uses: SummaryUse[] = [];
  for (const file of sorted) {
    const lines = new LineIndex(file.doc.text);
    const findings = [...file.findings].sort((a, b) => a.span.start - b.span.start);
    for (const f of findings) {
      uses.push({
        id: uses.length + 1,
        file: file.path,
        context: f.note.context?.replace(/\s+/g, ' ').trim() || null,
        line: lines.lineAt(f.span.start) + 1,
        what: whatOf(f),
        categories: [...f.categories],
        outcome: f.outcome,
        approval: f.approval,
        tool: f.tool ?? null,
      });
    }
  }

  const byOutcome: Record<UseOutcome, number> = { 'approval-required': 0, approved: 0, disclose: 0 };
  const byCategory: DisclosureSummary['counts']['byCategory'] = {};
  for (const use of uses) {
    byOutcome[use.outcome]++;
    for (const c of use.categories) {
      const entry = (byCategory[c] ??= { uses: 0, approvalRequired: 0 });
      entry.uses++;
      if (use.outcome === 'approval-required') entry.approvalRequired++;
    }
  }

  const needsApproval: OpenItem[] = uses
    .filter((u) => u.outcome === 'approval-required')
    .map((u) => ({
      use: u.id,
      steps: u.categories.map((c) => {
        const rule = ruleFor(c);
        return { category: c, title: rule.title, approvalArea: rule.approvalArea, nextSteps: rule.nextSteps };
      }),
    }));

  const principles: PrincipleEntry[] = (Object.keys(PRINCIPLES) as PrincipleId[])
    .filter((id) => /^P\d$/.test(id))
    .sort()
    .map((id) => ({
      id,
      title: PRINCIPLES[id].title,
      text: PRINCIPLES[id].text,
      uses: uses.filter((u) => u.categories.some((c) => ruleFor(c).principles.includes(id))).map((u) => u.id),
    }));

  return {
    version: 1,
    title: titleOf(sorted, options),
    date: isoDate(options.now),
    files: sorted.map((f) => f.path),
    counts: { total: uses.length, byOutcome, byCategory: sortedByCategory(byCategory) },
    uses,
    needsApproval,
    principles,
  };
}

function sortedByCategory<T>(record: Partial<Record<CategoryId, T>>): Partial<Record<CategoryId, T>> {
  const out: Partial<Record<CategoryId, T>> = {};
  for (const id of CATEGORY_IDS) if (record[id] !== undefined) out[id] = record[id];
  return out;
}
