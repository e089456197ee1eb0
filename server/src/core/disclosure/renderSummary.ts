// The disclosure summary as a Markdown document a coordinator can send as is. Everything taken
// from the production's files is escaped, so a pipe in a note cannot break a table and a `<`
// cannot turn into HTML.
import { CATEGORY_IDS, type CategoryId } from '../categories';
import { ruleFor } from '../rules/catalog';
import type { DisclosureSummary, SummaryUse, UseOutcome } from './summary';

/** Tells the review to skip the summary document itself. */
export const SUMMARY_DIRECTIVE = 'genai-review: ignore-file';

const OUTCOME_LABEL: Record<UseOutcome, string> = {
  'approval-required': 'Needs written approval',
  approved: 'Approved',
  disclose: 'Disclose (low risk)',
};

/** Escapes text for inline Markdown: ASCII punctuation that could open markup gets a backslash. */
export function escapeInline(text: string): string {
  return text.replace(/\s+/g, ' ').replace(/[\\`*_[\]<>|#~!]/g, (c) => `\\${c}`);
}

/**
 * Text of the rule catalog, written as Markdown by the project (code spans, emphasis): kept as
 * it is, on one line, with only what could become HTML or end a table cell escaped.
 */
export function catalogText(text: string): string {
  return text.replace(/\s+/g, ' ').replace(/[<|]/g, (c) => `\\${c}`);
}

/** A table cell: escaped inline text, never empty (an em dash stands for nothing). */
function cell(text: string | null | undefined): string {
  const t = text?.trim();
  return t ? escapeInline(t) : '—';
}

function categoryTitles(categories: readonly CategoryId[]): string {
  return categories.map((c) => ruleFor(c).title).join(', ');
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

function where(use: SummaryUse): string {
  const context = use.context ? ` (${escapeInline(use.context)})` : '';
  return `${escapeInline(use.file)}, line ${use.line}${context}`;
}

function row(cells: readonly string[]): string {
  return `| ${cells.join(' | ')} |`;
}

export function renderSummaryMarkdown(s: DisclosureSummary): string {
  const out: string[] = [];
  const byId = new Map(s.uses.map((u) => [u.id, u]));

  // The title comes first: an editor names an unsaved document by its first line. Saved beside
  // the production, the summary must not be read as notes again: the directive (an HTML
  // comment, invisible when rendered) makes the review skip the whole file.
  out.push(`# GenAI disclosure summary: ${escapeInline(s.title)}`, '');
  out.push(`<!-- ${SUMMARY_DIRECTIVE} -->`, '');
  out.push(`Prepared ${s.date} by GenAI Script Review from ${plural(s.files.length, 'file', 'files')} of the production.`, '');

  out.push('## At a glance', '');
  out.push(row(['Outcome', 'Uses']), row(['---', '---:']));
  for (const outcome of ['approval-required', 'approved', 'disclose'] as const) out.push(row([OUTCOME_LABEL[outcome], String(s.counts.byOutcome[outcome])]));
  out.push(row(['**Total**', `**${s.counts.total}**`]), '');

  const categories = CATEGORY_IDS.filter((c) => s.counts.byCategory[c]);
  if (categories.length > 0) {
    out.push(row(['Category', 'Uses', 'Still need approval']), row(['---', '---:', '---:']));
    for (const c of categories) {
      const n = s.counts.byCategory[c]!;
      out.push(row([`${escapeInline(ruleFor(c).title)} (\`${c}\`)`, String(n.uses), String(n.approvalRequired)]));
    }
    out.push('');
  }

  out.push('## Every AI use', '');
  if (s.uses.length === 0) {
    out.push('No AI use is noted in the production.', '');
  } else {
    out.push(row(['#', 'File', 'Scene or section', 'Line', 'What', 'Categories', 'Outcome', 'Approval', 'Tool']));
    out.push(row(['---:', '---', '---', '---:', '---', '---', '---', '---', '---']));
    for (const u of s.uses) {
      out.push(row([String(u.id), cell(u.file), cell(u.context), String(u.line), cell(u.what), cell(categoryTitles(u.categories)), OUTCOME_LABEL[u.outcome], cell(u.approval), cell(u.tool)]));
    }
    out.push('');
  }

  out.push('## Needs written approval before proceeding', '');
  if (s.needsApproval.length === 0) {
    out.push('Nothing is open: every use that needs written approval cites a reference.', '');
  } else {
    for (const item of s.needsApproval) {
      const use = byId.get(item.use)!;
      out.push(`- **Use ${item.use}**, ${where(use)}: ${escapeInline(use.what)}`);
      for (const step of item.steps) {
        out.push(`  - *${catalogText(step.title)}* (approval area: ${catalogText(step.approvalArea)}): ${catalogText(step.nextSteps)}`);
      }
    }
    out.push('');
  }

  out.push('## Guiding principles', '');
  for (const p of s.principles) {
    out.push(`### ${p.id}. ${catalogText(p.title)}`, '', catalogText(p.text), '');
    if (p.uses.length === 0) {
      out.push('No use in this summary touches this principle.', '');
      continue;
    }
    for (const id of p.uses) {
      const use = byId.get(id)!;
      out.push(`- Use ${id}, ${where(use)}: ${escapeInline(use.what)} (${OUTCOME_LABEL[use.outcome].toLowerCase()})`);
    }
    out.push('');
  }
  return out.join('\n').replace(/\n+$/, '\n');
}
