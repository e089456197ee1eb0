// Maps positions in a note's `text` to offsets in its document. For most notes the text is a
// verbatim slice, so it is a shift; a Final Draft note with decoded entities carries a map.
import type { NoteSpan, Span, TextPiece } from '../types';

type MappedText = Pick<NoteSpan, 'textSpan' | 'textMap' | 'text'>;

function pieceAt(map: readonly TextPiece[], index: number): TextPiece | undefined {
  let lo = 0;
  let hi = map.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const piece = map[mid];
    if (index < piece.at) hi = mid - 1;
    else if (index >= piece.at + piece.length) lo = mid + 1;
    else return piece;
  }
  return undefined;
}

function isVerbatim(piece: TextPiece): boolean {
  return piece.span.end - piece.span.start === piece.length;
}

/** Document offset where `text[index]` starts (`index === text.length`: where the text ends). */
export function noteOffset(note: MappedText, index: number): number {
  const i = Math.max(0, Math.min(index, note.text.length));
  if (!note.textMap) return note.textSpan.start + i;
  if (i === note.text.length) return note.textSpan.end;
  const piece = pieceAt(note.textMap, i);
  if (!piece) return note.textSpan.start;
  return isVerbatim(piece) ? piece.span.start + (i - piece.at) : piece.span.start;
}

/** Document offset just past `text[index]`. */
function endOffset(note: MappedText, index: number): number {
  if (!note.textMap) return note.textSpan.start + index + 1;
  const piece = pieceAt(note.textMap, index);
  if (!piece) return note.textSpan.end;
  return isVerbatim(piece) ? piece.span.start + (index - piece.at) + 1 : piece.span.end;
}

/** The document span of `text.slice(start, end)` of a note. */
export function noteSpanOf(note: MappedText, start: number, end: number): Span {
  const s = Math.max(0, Math.min(start, note.text.length));
  const e = Math.max(s, Math.min(end, note.text.length));
  const from = noteOffset(note, s);
  return { start: from, end: e === s ? from : Math.max(from, endOffset(note, e - 1)) };
}
