// Hover on an AI-use note: which categories it implies and the words behind each, the
// principles and approval area they rest on with the sources named, what to do next, and the
// approval reference. Every sentence comes from the rule catalog or the finding; this file
// only arranges them.
import { MarkupKind, type Hover } from 'vscode-languageserver';
import type { CategoryId } from '../core/categories';
import { catalogText, escapeInline } from '../core/disclosure/renderSummary';
import type { Evidence, Finding } from '../core/findings';
import { ruleFor } from '../core/rules/catalog';
import { PRINCIPLES } from '../core/rules/rule';
import type { LineIndex } from '../core/text/lineIndex';
import { rangeOf } from './positions';

const HEADER: Record<Finding['outcome'], string> = {
  'approval-required': 'GenAI use: needs written approval',
  approved: 'GenAI use: approved',
  disclose: 'GenAI use: disclose to the studio contact',
};

/** The finding whose note holds `offset`. */
export function findingAt(findings: readonly Finding[], offset: number): Finding | undefined {
  return findings.find((f) => f.span.start <= offset && offset <= f.span.end);
}

export function hoverFor(findings: readonly Finding[], offset: number, index: LineIndex): Hover | null {
  const finding = findingAt(findings, offset);
  if (!finding) return null;
  return { contents: { kind: MarkupKind.Markdown, value: hoverMarkdown(finding) }, range: rangeOf(index, finding.span) };
}

/** The quoted words behind a category, leaving out words inside a longer quote. */
function triggerWords(evidence: readonly Evidence[], category: CategoryId): string[] {
  const terms = [...new Set(evidence.filter((e) => e.kind === 'term' && e.category === category).map((e) => e.text))];
  return terms.filter((t) => !terms.some((o) => o !== t && o.toLowerCase().includes(t.toLowerCase())));
}

/** One category's part of the hover; the rule's explanation only for the category the diagnostic names, to stay short. */
function categorySection(finding: Finding, category: CategoryId): string {
  const rule = ruleFor(category);
  const lines: string[] = [];
  const words = triggerWords(finding.evidence, category).map((w) => `“${escapeInline(w)}”`);
  const facts = finding.evidence.filter((e) => e.category === category && e.kind !== 'term').map((e) => escapeInline(e.text));
  const why = [words.length > 0 ? `from ${words.join(', ')}` : '', ...facts].filter(Boolean).join('; ');
  lines.push(`**${escapeInline(rule.title)}** (\`${category}\`)${why ? `: ${why}` : ''}`);
  if (category === finding.ruleId) lines.push(catalogText(rule.explanation));
  const principles = rule.principles.map((p) => `${p} *${catalogText(PRINCIPLES[p].title)}*`).join(', ');
  lines.push(`Principle ${principles} · Approval area: ${catalogText(rule.approvalArea)}`);
  lines.push(`Sources: ${rule.sources.map(catalogText).join('; ')}`);
  if (finding.outcome === 'approval-required') lines.push(`**Next:** ${catalogText(rule.nextSteps)}`);
  return lines.join('  \n');
}

export function hoverMarkdown(finding: Finding): string {
  const parts: string[] = [];
  const header = finding.outcome === 'approved' && finding.approval ? `${HEADER.approved} (${escapeInline(finding.approval)})` : HEADER[finding.outcome];
  parts.push(`**${header}**`);
  if (finding.categories.length === 0) parts.push(escapeInline(finding.message));
  // The category the diagnostic names first, then the others in catalog order.
  const ordered = [...finding.categories].sort((a, b) => Number(b === finding.ruleId) - Number(a === finding.ruleId));
  for (const category of ordered) parts.push(categorySection(finding, category));
  const footer: string[] = [];
  if (finding.approval) footer.push(`Approval reference: ${escapeInline(finding.approval)}`);
  if (finding.tool) footer.push(`Tool named: ${escapeInline(finding.tool)}`);
  if (footer.length > 0) parts.push(footer.join(' · '));
  return parts.join('\n\n');
}
