// The parts of a screenplay a writer folds away: each section (`#`, `##`…) runs until the next
// section of the same or a higher level, each scene until the next scene or section, and the
// title page and multi-line notes and boneyard fold on their own. Offsets, like everything in core.
import { parseFountain } from '../documents/fountain/parseFountain';
import type { Span } from '../types';

export type OutlineKind = 'section' | 'scene' | 'title-page' | 'note';

export interface OutlineRange {
  kind: OutlineKind;
  /** From the heading's start to the end of the last line that belongs to it. */
  span: Span;
}

/** The last non-blank character before `offset`, so a fold does not swallow the blank lines. */
function trimEnd(text: string, start: number, offset: number): number {
  let end = offset;
  while (end > start && /\s/.test(text[end - 1])) end--;
  return end;
}

export function fountainOutline(text: string): OutlineRange[] {
  const parsed = parseFountain(text);
  const ranges: OutlineRange[] = [];
  const heads = parsed.elements.filter((e) => e.type === 'section' || e.type === 'scene-heading');
  heads.forEach((head, i) => {
    let end = text.length;
    for (let j = i + 1; j < heads.length; j++) {
      const next = heads[j];
      const closes = head.type === 'scene-heading' ? true : next.type === 'section' && (next.depth ?? 1) <= (head.depth ?? 1);
      if (closes) {
        end = next.span.start;
        break;
      }
    }
    ranges.push({ kind: head.type === 'section' ? 'section' : 'scene', span: { start: head.span.start, end: trimEnd(text, head.span.start, end) } });
  });
  if (parsed.titlePage.length > 0) {
    const first = parsed.titlePage[0];
    const last = parsed.titlePage[parsed.titlePage.length - 1];
    ranges.push({ kind: 'title-page', span: { start: first.span.start, end: last.span.end } });
  }
  for (const region of parsed.regions) ranges.push({ kind: 'note', span: region.span });
  return ranges.sort((a, b) => a.span.start - b.span.start);
}
