// Notes `[[ ]]` and boneyard `/* */` can start and end anywhere, even mid-line and across lines,
// so they are found first, in one pass over the raw text, before lines are classified. A line
// that holds nothing but a note is then invisible to the screenplay structure around it.
//
// Leniency, because the text is often mid-edit: an unclosed `[[` or `/*` is reported and read
// as ordinary script text, so one typo never swallows the rest of the script.
import type { ParseProblem, Span } from '../../types';
import { CachedIndexOf } from '../../text/cachedIndexOf';

export interface InlineRegion {
  kind: 'note' | 'boneyard';
  /** Delimiters included. */
  span: Span;
  /** The content between the delimiters, surrounding whitespace trimmed. */
  textSpan: Span;
}

export interface InlineRegions {
  regions: InlineRegion[];
  problems: ParseProblem[];
}

const LF = 10;
const CR = 13;

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === LF || c === CR || c === 12 || c === 11 || c === 0xa0 || c === 0xfeff;
}

/** End of the line containing `offset` (before its line break). */
export function lineEndAt(text: string, offset: number): number {
  for (let i = offset; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === LF || c === CR) return i;
  }
  return text.length;
}

function trimmedSpan(text: string, start: number, end: number): Span {
  let s = start;
  let e = end;
  while (s < e && isSpace(text.charCodeAt(s))) s++;
  while (e > s && isSpace(text.charCodeAt(e - 1))) e--;
  return s === e ? { start, end: start } : { start: s, end: e };
}

/**
 * Finds the start of the first line after `from` that ends a note: an empty line or one with a
 * single whitespace character. (The Fountain spec keeps a note open across a line of two
 * spaces.) Remembers its last answer so that many `[[` before the same blank line stay linear.
 */
class BlankLineFinder {
  private from = -1;
  private result = -1;

  constructor(private readonly text: string) {}

  next(offset: number): number {
    if (offset >= this.from && offset < this.result) return this.result;
    const text = this.text;
    let i = offset;
    let found = text.length + 1; // "no blank line": beyond every offset
    while (i < text.length) {
      const c = text.charCodeAt(i);
      if (c !== LF && c !== CR) {
        i++;
        continue;
      }
      i += c === CR && text.charCodeAt(i + 1) === LF ? 2 : 1;
      // `i` starts a line: blank if it ends within one whitespace character.
      const end = lineEndAt(text, i);
      if (end === text.length && end === i) break; // a final line break is not a blank line
      if (end - i === 0 || (end - i === 1 && isSpace(text.charCodeAt(i)))) {
        found = i;
        break;
      }
      i = end;
    }
    this.from = offset;
    this.result = found;
    return found;
  }
}

export function scanInlineRegions(text: string, from = 0): InlineRegions {
  const regions: InlineRegion[] = [];
  const problems: ParseProblem[] = [];
  // Problems run to the end of their line; many on one long line must not rescan it each time.
  let knownLineEnd = -1;
  const lineEnd = (offset: number) => {
    if (offset > knownLineEnd) knownLineEnd = lineEndAt(text, offset);
    return knownLineEnd;
  };
  const noteOpen = new CachedIndexOf(text, '[[');
  const noteClose = new CachedIndexOf(text, ']]');
  const boneOpen = new CachedIndexOf(text, '/*');
  const boneClose = new CachedIndexOf(text, '*/');
  const blankLines = new BlankLineFinder(text);

  let p = from;
  for (;;) {
    const note = noteOpen.from(p);
    const bone = boneOpen.from(p);
    if (note < 0 && bone < 0) break;
    if (bone < 0 || (note >= 0 && note < bone)) {
      const close = noteClose.from(note + 2);
      const blank = blankLines.next(note);
      if (close >= 0 && close + 2 <= blank) {
        regions.push({ kind: 'note', span: { start: note, end: close + 2 }, textSpan: trimmedSpan(text, note + 2, close) });
        p = close + 2;
      } else {
        problems.push({
          message: 'This note is not closed with ]] before the next blank line, so it is read as script text.',
          span: { start: note, end: lineEnd(note) },
          severity: 'warning',
        });
        p = note + 2;
      }
    } else {
      const close = boneClose.from(bone + 2);
      if (close >= 0) {
        regions.push({ kind: 'boneyard', span: { start: bone, end: close + 2 }, textSpan: trimmedSpan(text, bone + 2, close) });
        p = close + 2;
      } else {
        problems.push({
          message: 'This boneyard /* is never closed with */, so it is read as script text.',
          span: { start: bone, end: lineEnd(bone) },
          severity: 'warning',
        });
        p = bone + 2;
      }
    }
  }
  return { regions, problems };
}
