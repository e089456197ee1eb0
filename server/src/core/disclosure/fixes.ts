// The quick fixes for a finding, as insertions into the document: a disclosure stub after the
// note, an approval placeholder in it, a "temporary" mark, a suppression comment before it.
// Each fix only inserts (never deletes or rewrites the writer's words), writes the file's own
// syntax, and is offered only when its text is not there yet, so applying it twice changes
// nothing more. Every insertion is checked by re-running the analysis in the tests.
import { findApproval } from '../approvals/approval';
import { adjacent } from '../analysis';
import { isDisclosureRecord } from '../classify/suppression';
import type { Finding } from '../findings';
import { ruleFor } from '../rules/catalog';
import { noteOffset } from '../text/noteOffset';
import type { NoteSpan, ProductionDocument } from '../types';
import { field, plainText, snippetText, type Template } from './template';

export type FixKind = 'disclosure-stub' | 'approval-placeholder' | 'mark-temporary' | 'suppress';

export const FIX_KINDS: readonly FixKind[] = ['disclosure-stub', 'approval-placeholder', 'mark-temporary', 'suppress'];

export interface Insertion {
  /** Document offset where the text goes. */
  offset: number;
  text: string;
  /** The same text as a snippet: the fields to fill in are tab stops. */
  snippet: string;
}

export interface Fix {
  kind: FixKind;
  title: string;
  insertion: Insertion;
}

/** Titles of the fixes, and of the same fix for every finding in a file. */
export const FIX_TITLES: Record<FixKind, { one: string; all: string }> = {
  'disclosure-stub': { one: 'Insert a GenAI disclosure stub after this note', all: 'Insert GenAI disclosure stubs after every AI use in this file' },
  'approval-placeholder': { one: 'Add an approval reference placeholder to this note', all: 'Add approval reference placeholders to every note that needs one in this file' },
  'mark-temporary': { one: 'Mark as temporary, not for the final cut', all: 'Mark every flagged use in this file as temporary, not for the final cut' },
  suppress: { one: 'Suppress GenAI Review for this note', all: 'Suppress GenAI Review for every finding in this file' },
};

/** The words the "temporary" fix adds; the scope rules read them as a low-risk, temporary use. */
export const TEMPORARY_MARK = 'Temp only, not for the final cut.';

/** The reference the stub and the placeholder start with: the analysis knows it is not one yet. */
export const APPROVAL_PLACEHOLDER = 'PENDING';

/** Every fix that applies to the finding, in the order they are offered. */
export function fixesFor(doc: ProductionDocument, finding: Finding): Fix[] {
  if (doc.kind === 'fdx') return []; // Final Draft XML is not edited as text.
  const fixes: Fix[] = [];
  const add = (kind: FixKind, insertion: Insertion | undefined) => {
    if (insertion) fixes.push({ kind, title: FIX_TITLES[kind].one, insertion });
  };
  add('disclosure-stub', disclosureStub(doc, finding));
  add('approval-placeholder', approvalPlaceholder(doc, finding));
  add('mark-temporary', temporaryMark(doc, finding));
  add('suppress', suppression(doc, finding));
  return fixes;
}

export function fixFor(doc: ProductionDocument, finding: Finding, kind: FixKind): Fix | undefined {
  return fixesFor(doc, finding).find((f) => f.kind === kind);
}

function insertion(offset: number, template: Template): Insertion {
  return { offset, text: plainText(template), snippet: snippetText(template) };
}

function eolOf(text: string): string {
  const m = /\r\n|\r|\n/.exec(text);
  return m ? m[0] : '\n';
}

function lineStartAt(text: string, offset: number): number {
  let i = offset;
  while (i > 0 && text.charCodeAt(i - 1) !== 10 && text.charCodeAt(i - 1) !== 13) i--;
  // A byte-order mark belongs to the file, not to its first line: never copied as indent, and
  // nothing is inserted before it.
  if (i === 0 && offset > 0 && text.charCodeAt(0) === 0xfeff) i = 1;
  return i;
}

function lineEndAt(text: string, offset: number): number {
  let i = offset;
  while (i < text.length && text.charCodeAt(i) !== 10 && text.charCodeAt(i) !== 13) i++;
  return i;
}

/** Offset just past the line break that ends the line at `offset`, or the text's end. */
function nextLineStart(text: string, offset: number): number {
  const end = lineEndAt(text, offset);
  if (end >= text.length) return end;
  return end + (text.charCodeAt(end) === 13 && text.charCodeAt(end + 1) === 10 ? 2 : 1);
}

function nextLineText(text: string, offset: number): string | undefined {
  const end = lineEndAt(text, offset);
  if (end >= text.length) return undefined;
  const start = nextLineStart(text, offset);
  return text.slice(start, lineEndAt(text, start));
}

/** The whitespace a line's content starts after; other characters become spaces (list markers). */
function indentTo(text: string, from: number, to: number): string {
  return text.slice(from, to).replace(/[^\t]/g, ' ');
}

function noteIndex(doc: ProductionDocument, note: NoteSpan): number {
  return doc.notes.findIndex((n) => n.span.start === note.span.start && n.span.end === note.span.end);
}

/** The disclosure record right after the note, if the writer (or this fix) already wrote one. */
function followingRecord(doc: ProductionDocument, note: NoteSpan): NoteSpan | undefined {
  const next = doc.notes[noteIndex(doc, note) + 1];
  return next && isDisclosureRecord(next.text) && adjacent(doc.text, note, next) ? next : undefined;
}

// ---- 1. disclosure stub -------------------------------------------------------------------

interface StubField {
  label: string;
  value: string;
  /** Pre-filled from the finding: still a field, but rarely changed. */
  known?: boolean;
}

function stubFields(finding: Finding): StubField[] {
  const scope = finding.evidence.some((e) => e.kind === 'scope');
  const finalOrTemp = finding.categories.includes('final-deliverable') ? 'final deliverable' : scope ? 'temporary' : '…';
  const approval = finding.approval ?? (finding.outcome === 'disclose' ? 'not needed (low risk)' : APPROVAL_PLACEHOLDER);
  return [
    { label: 'What is generated', value: '…' },
    { label: 'Categories', value: finding.categories.length > 0 ? finding.categories.join(', ') : 'none (low risk)', known: true },
    { label: 'Tool and vendor', value: finding.tool ?? '…' },
    { label: 'Enterprise environment', value: 'yes/no' },
    { label: 'Final deliverable or temporary', value: finalOrTemp },
    { label: 'Consent (talent, union)', value: '…' },
    { label: 'Approval', value: approval },
  ];
}

function disclosureStub(doc: ProductionDocument, finding: Finding): Insertion | undefined {
  const { text } = doc;
  const note = finding.note;
  if (followingRecord(doc, note)) return undefined;
  const fields = stubFields(finding);
  const eol = eolOf(text);
  const lineEnd = lineEndAt(text, note.span.end);
  const restOfLineEmpty = text.slice(note.span.end, lineEnd).trim() === '';

  if (doc.kind === 'fountain') {
    const record: Template = ['[[GenAI disclosure: '];
    fields.forEach((f, i) => record.push(`${i > 0 ? '; ' : ''}${f.label}: `, field(f.value)));
    record.push(']]');
    // A note alone on its line gets the record on the next line; a note inside a line of
    // action gets it right after, on the same line, so the action line stays whole.
    return restOfLineEmpty ? insertion(lineEnd, [eol, ...record]) : insertion(note.span.end, [' ', ...record]);
  }

  const firstLineStart = lineStartAt(text, note.span.start);
  const next = nextLineText(text, note.span.end);
  const nextIsBlank = next === undefined || next.trim() === '';

  if (doc.kind === 'plaintext') {
    // "GenAI disclosure:" at the note's indent, its fields indented under it: one note for the
    // reader. A blank line after keeps the next line from reading as part of the record.
    const indent = indentTo(text, firstLineStart, note.span.start);
    const record: Template = [eol, `${indent}GenAI disclosure:`];
    for (const f of fields) record.push(`${eol}${indent}  ${f.label}: `, field(f.value));
    if (!nextIsBlank) record.push(eol);
    return insertion(lineEnd, record);
  }

  // Markdown.
  if (note.kind === 'table-row') {
    const record: Template = [eol, '| GenAI disclosure: '];
    fields.forEach((f, i) => record.push(`${i > 0 ? '; ' : ''}${f.label}: `, field(f.value)));
    record.push(' |');
    return insertion(lineEnd, record);
  }
  // A block quote right under the note (inside its list item when it is one).
  const indent = indentTo(text, firstLineStart, note.kind === 'list-item' ? note.textSpan.start : note.span.start);
  const record: Template = [eol, `${indent}> **GenAI disclosure**`];
  for (const f of fields) record.push(`${eol}${indent}> - ${f.label}: `, field(f.value));
  // A line that does not start a block of its own would continue the quote: keep it apart.
  if (!nextIsBlank && !/^\s*(?:[-*+]\s|\d{1,9}[.)]\s|#{1,6}(?:\s|$)|```|~~~|<!--)/.test(next!)) record.push(eol);
  return insertion(lineEnd, record);
}

// ---- 2. approval placeholder -------------------------------------------------------------

/** Offset just after the last non-space character of the note's text, and that character. */
function endOfWords(note: NoteSpan): { offset: number; last: string } | undefined {
  const trimmed = note.text.replace(/\s+$/, '');
  if (!trimmed) return undefined;
  return { offset: noteOffset(note, trimmed.length), last: trimmed[trimmed.length - 1] };
}

/** What to put between the writer's last word and an added sentence. */
function joiner(last: string): string {
  return /[.!?;:,)\]]/.test(last) ? ' ' : '. ';
}

function approvalPlaceholder(doc: ProductionDocument, finding: Finding): Insertion | undefined {
  if (finding.outcome !== 'approval-required') return undefined;
  const note = finding.note;
  const lookup = findApproval(note.text);
  if (lookup.reference || lookup.notYet) return undefined; // the note already speaks of approval
  if (followingRecord(doc, note)) return undefined; // the record below carries the approval
  const end = endOfWords(note);
  if (!end) return undefined;
  return insertion(end.offset, [`${joiner(end.last)}Approval: `, field(APPROVAL_PLACEHOLDER)]);
}

// ---- 3. mark as temporary ----------------------------------------------------------------

function temporaryMark(_doc: ProductionDocument, finding: Finding): Insertion | undefined {
  if (finding.outcome !== 'approval-required') return undefined;
  // The writer says it stays in the cut, or already says it is temporary: nothing to mark.
  if (finding.categories.includes('final-deliverable')) return undefined;
  if (finding.evidence.some((e) => e.kind === 'scope')) return undefined;
  // Temporary use lifts only some categories (a temp de-ageing is still a likeness): offer the
  // mark only where it resolves the finding, so applying it never leaves a puzzling warning.
  if (!finding.categories.every((c) => ruleFor(c).lowRiskApplies)) return undefined;
  if (finding.note.text.includes(TEMPORARY_MARK)) return undefined;
  const end = endOfWords(finding.note);
  if (!end) return undefined;
  return insertion(end.offset, [joiner(end.last), TEMPORARY_MARK]);
}

// ---- 4. suppress here --------------------------------------------------------------------

function suppression(doc: ProductionDocument, finding: Finding): Insertion | undefined {
  const { text } = doc;
  const note = finding.note;
  const eol = eolOf(text);
  const lineStart = lineStartAt(text, note.span.start);
  const aloneAtLineStart = text.slice(lineStart, note.span.start).trim() === '';
  const indent = text.slice(lineStart, note.span.start);
  switch (doc.kind) {
    case 'fountain':
      return aloneAtLineStart
        ? insertion(lineStart, [`${indent}[[genai-review: ignore-next]]${eol}`])
        : insertion(note.span.start, ['[[genai-review: ignore-next]] ']);
    case 'markdown':
      // A line between two table rows would cut the table in two.
      if (note.kind === 'table-row') return undefined;
      return insertion(lineStart, [`${indentTo(text, lineStart, note.span.start)}<!-- genai-review: ignore-next -->${eol}`]);
    case 'plaintext':
      // Capitalised and closed with a period, so the reader never joins it to the line before
      // or after as hard-wrapped prose.
      return insertion(lineStart, [`${indent}Genai-review: ignore-next.${eol}`]);
    default:
      return undefined;
  }
}
