// The production-note candidates of a stretch of Fountain: notes and boneyard, and the words
// of section and synopsis lines; and the headings and sections that give a note its context.
import type { NoteSpan, Span } from '../../types';
import type { ScriptElement } from '../../script/elements';
import type { FountainBody } from './parseFountain';
import type { InlineRegion } from './inlineRegions';

/** Notes in document order, each with the nearest scene heading or section above it. */
export function fountainNotes(text: string, parsed: Pick<FountainBody, 'regions' | 'elements'>): NoteSpan[] {
  const notes = fountainNoteSpans(text, parsed);
  addContext(notes, noteAnchors(parsed.elements));
  return notes;
}

function addContext(notes: NoteSpan[], anchors: readonly NoteAnchor[]): void {
  let a = -1;
  for (const note of notes) {
    // Strictly above: a section is not its own context.
    while (a + 1 < anchors.length && anchors[a + 1].start < note.span.start) a++;
    if (a >= 0 && anchors[a].text) note.context = anchors[a].text;
  }
}

/** Notes in document order, without their context. */
export function fountainNoteSpans(text: string, parsed: Pick<FountainBody, 'regions' | 'elements'>): NoteSpan[] {
  const notes: NoteSpan[] = parsed.regions.map((region) => ({
    kind: region.kind,
    span: region.span,
    textSpan: region.textSpan,
    text: text.slice(region.textSpan.start, region.textSpan.end),
  }));
  for (const element of parsed.elements) {
    if (element.type !== 'section' && element.type !== 'synopsis') continue;
    const spans = markedLineText(text, element.span, parsed.regions);
    if (!spans) continue;
    const { span, textSpan } = spans;
    notes.push({ kind: element.type, span, textSpan, text: text.slice(textSpan.start, textSpan.end) });
  }
  return notes.sort((a, b) => a.span.start - b.span.start);
}

/** What gives a note its context: scene headings and sections, in document order. */
export interface NoteAnchor {
  start: number;
  text: string;
}

export function noteAnchors(elements: readonly ScriptElement[]): NoteAnchor[] {
  return elements.filter((e) => e.type === 'scene-heading' || e.type === 'section').map((e) => ({ start: e.span.start, text: e.text }));
}

/**
 * The note a `#` or `=` line makes: `span` from the marker, `textSpan` the words after it. An
 * inline note on the same line is a note of its own, so both stop where it starts (notes never
 * overlap). A closing run of #s ("## Act Two ##") is left out of the text.
 */
function markedLineText(text: string, line: Span, regions: readonly InlineRegion[]): { span: Span; textSpan: Span } | undefined {
  let start = skipNotesAndSpace(text, line.start, line.end, regions);
  const markerStart = start;
  const marker = text.charCodeAt(start);
  while (start < line.end && text.charCodeAt(start) === marker) start++;
  let end = line.end;
  for (let r = firstRegionEndingAfter(regions, start); r < regions.length; r++) {
    const region = regions[r];
    if (region.span.start >= end) break;
    if (region.span.start <= start) start = Math.min(end, region.span.end);
    else end = region.span.start;
  }
  while (start < end && isSpace(text.charCodeAt(start))) start++;
  while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
  if (marker === 35 /* # */) {
    let closing = end;
    while (closing > start && text.charCodeAt(closing - 1) === 35) closing--;
    if (closing < end && closing > start && isSpace(text.charCodeAt(closing - 1))) {
      end = closing;
      while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
    }
  }
  if (end <= start) return undefined;
  return { span: { start: markerStart, end: Math.max(end, lastSolidBefore(text, line.end, end)) }, textSpan: { start, end } };
}

/** Where a section line ends after its words: closing #s included, stopping before a note. */
function lastSolidBefore(text: string, lineEnd: number, textEnd: number): number {
  let end = textEnd;
  while (end < lineEnd && (text.charCodeAt(end) === 35 || isSpace(text.charCodeAt(end)))) end++;
  while (end > textEnd && isSpace(text.charCodeAt(end - 1))) end--;
  return end;
}

function skipNotesAndSpace(text: string, from: number, end: number, regions: readonly InlineRegion[]): number {
  let at = from;
  for (;;) {
    while (at < end && isSpace(text.charCodeAt(at))) at++;
    const r = firstRegionEndingAfter(regions, at);
    if (r >= regions.length || regions[r].span.start !== at) return at;
    at = regions[r].span.end;
  }
}

/** Index of the first region that ends after `offset` (regions are sorted and disjoint). */
function firstRegionEndingAfter(regions: readonly InlineRegion[], offset: number): number {
  let lo = 0;
  let hi = regions.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (regions[mid].span.end <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9;
}
