// Text assembled from pieces of an XML file — runs between tags, decoded entities, line breaks
// joining paragraphs — that remembers where each piece came from, so a position in the decoded
// text can always be traced back to the file (NoteSpan.textMap).
import type { Span, TextPiece } from '../../types';
import { entityAt } from './xmlScanner';

export class MappedText {
  readonly pieces: TextPiece[] = [];
  private value = '';

  get isEmpty(): boolean {
    return this.value.length === 0;
  }

  get text(): string {
    return this.value;
  }

  /** Appends raw character data `source[start, end)`, decoding entities. */
  appendRaw(source: string, start: number, end: number): void {
    let i = start;
    while (i < end) {
      // Searched within the run only: indexOf would scan on to the next "&" in the whole file.
      let amp = i;
      while (amp < end && source.charCodeAt(amp) !== 38 /* & */) amp++;
      if (amp >= end) {
        this.appendVerbatim(source, i, end);
        return;
      }
      if (amp > i) this.appendVerbatim(source, i, amp);
      const entity = entityAt(source, amp, end);
      if (entity) {
        this.push(entity.value, { start: amp, end: entity.end });
        i = entity.end;
      } else {
        // A bare "&" is malformed XML; keep it as written rather than lose text.
        this.appendVerbatim(source, amp, amp + 1);
        i = amp + 1;
      }
    }
  }

  /** Appends `source[start, end)` as it is (CDATA). */
  appendVerbatim(source: string, start: number, end: number): void {
    if (end <= start) return;
    const last = this.pieces[this.pieces.length - 1];
    if (last && last.span.end === start && last.span.end - last.span.start === last.length) {
      // Adjacent verbatim text: one piece, so a plain run needs no map at all.
      last.length += end - start;
      last.span = { start: last.span.start, end };
      this.value += source.slice(start, end);
      return;
    }
    this.push(source.slice(start, end), { start, end });
  }

  /** Appends text that is in no single place of the file (a line break joining paragraphs). */
  insert(text: string): void {
    const last = this.pieces[this.pieces.length - 1];
    const at = last ? last.span.end : 0;
    this.push(text, { start: at, end: at });
  }

  appendAll(other: MappedText): void {
    for (const piece of other.pieces) {
      const text = other.value.slice(piece.at, piece.at + piece.length);
      const last = this.pieces[this.pieces.length - 1];
      const verbatim = piece.span.end - piece.span.start === piece.length;
      if (verbatim && last && last.span.end === piece.span.start && last.span.end - last.span.start === last.length) {
        last.length += piece.length;
        last.span = { start: last.span.start, end: piece.span.end };
        this.value += text;
      } else {
        this.push(text, { ...piece.span });
      }
    }
  }

  private push(text: string, span: Span): void {
    if (text.length === 0) return;
    this.pieces.push({ at: this.value.length, length: text.length, span });
    this.value += text;
  }

  /**
   * The text without surrounding whitespace, its span in the file, and a map when the text is
   * not a verbatim slice. Undefined when nothing but whitespace is left.
   */
  trimmed(): { text: string; textSpan: Span; textMap?: TextPiece[] } | undefined {
    const full = this.text;
    let a = 0;
    let b = full.length;
    while (a < b && /\s/.test(full[a])) a++;
    while (b > a && /\s/.test(full[b - 1])) b--;
    if (a === b) return undefined;
    const map: TextPiece[] = [];
    for (const piece of this.pieces) {
      const from = Math.max(a, piece.at);
      const to = Math.min(b, piece.at + piece.length);
      if (from >= to) continue;
      const verbatim = piece.span.end - piece.span.start === piece.length;
      const span = verbatim ? { start: piece.span.start + (from - piece.at), end: piece.span.start + (to - piece.at) } : piece.span;
      map.push({ at: from - a, length: to - from, span });
    }
    // A piece that decodes to two code units (an astral entity) is never cut in half: trimming
    // only removes whitespace, which is one unit.
    const textSpan = { start: map[0].span.start, end: map[map.length - 1].span.end };
    const text = full.slice(a, b);
    if (map.length === 1 && map[0].span.end - map[0].span.start === map[0].length) return { text, textSpan };
    return { text, textSpan, textMap: map };
  }
}
