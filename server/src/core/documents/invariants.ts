// The promises every document reader keeps, written once so that unit, property and corpus
// tests check the same thing: spans inside the text and on UTF-16 boundaries, note text equal
// to its slice (or mapped offset by offset), notes in order and disjoint.
import type { ProductionDocument, Span } from '../types';

function isHighSurrogate(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}
function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

/** The offset does not fall between the two halves of a surrogate pair. */
export function isOnCodePointBoundary(text: string, offset: number): boolean {
  if (offset <= 0 || offset >= text.length) return true;
  return !(isHighSurrogate(text.charCodeAt(offset - 1)) && isLowSurrogate(text.charCodeAt(offset)));
}

export function spanViolation(text: string, span: Span, what: string): string | undefined {
  if (!Number.isInteger(span.start) || !Number.isInteger(span.end)) return `${what}: offsets are not integers`;
  if (span.start < 0 || span.end > text.length || span.start > span.end) {
    return `${what}: span ${span.start}-${span.end} is outside 0-${text.length} or reversed`;
  }
  if (!isOnCodePointBoundary(text, span.start) || !isOnCodePointBoundary(text, span.end)) {
    return `${what}: span ${span.start}-${span.end} splits a surrogate pair`;
  }
  return undefined;
}

/** Every broken promise, described; empty when the document is sound. */
export function documentViolations(doc: ProductionDocument): string[] {
  const problems: string[] = [];
  const check = (span: Span, what: string) => {
    const violation = spanViolation(doc.text, span, what);
    if (violation) problems.push(violation);
  };
  let previousEnd = 0;
  doc.notes.forEach((note, i) => {
    const what = `note ${i} (${note.kind})`;
    check(note.span, what);
    check(note.textSpan, `${what} text`);
    if (note.textSpan.start < note.span.start || note.textSpan.end > note.span.end) problems.push(`${what}: text lies outside the note`);
    if (note.textMap) {
      let at = 0;
      let offset = note.textSpan.start;
      for (const piece of note.textMap) {
        if (piece.at !== at) problems.push(`${what}: text map skips or repeats text at ${at}`);
        if (piece.span.start < offset || piece.span.end > note.textSpan.end) problems.push(`${what}: text map leaves the text span or goes back`);
        const verbatim = piece.span.end - piece.span.start === piece.length;
        if (verbatim && doc.text.slice(piece.span.start, piece.span.end) !== note.text.slice(piece.at, piece.at + piece.length)) {
          problems.push(`${what}: verbatim piece at ${piece.at} differs from the document`);
        }
        check(piece.span, `${what} piece at ${piece.at}`);
        at = piece.at + piece.length;
        offset = piece.span.end;
      }
      if (at !== note.text.length) problems.push(`${what}: text map does not cover the text`);
    } else if (doc.text.slice(note.textSpan.start, note.textSpan.end) !== note.text) {
      problems.push(`${what}: text is not the slice of its textSpan`);
    }
    if (note.span.start < previousEnd) problems.push(`${what}: overlaps the note before it`);
    previousEnd = Math.max(previousEnd, note.span.end);
  });
  doc.problems.forEach((problem, i) => check(problem.span, `problem ${i}`));
  const script = doc.script;
  if (script) {
    script.scenes.forEach((scene, i) => check(scene.span, `scene ${i}`));
    script.characters.forEach((character) => check(character.firstCue, `cue of ${character.name}`));
    script.locations.forEach((location) => check(location.firstHeading, `heading of ${location.name}`));
  }
  return problems;
}
