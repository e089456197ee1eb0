// Plain-text production notes: paragraphs between blank lines, and inside a paragraph one note
// a line — people list things one per line — unless the line plainly continues the one before
// (hard-wrapped prose, or an indented continuation).
import type { NoteSpan, ProductionDocument } from '../types';

const LF = 10;
const CR = 13;

interface Line {
  start: number;
  end: number;
  /** First and just past the last non-whitespace character; equal when the line is blank. */
  solidStart: number;
  solidEnd: number;
  indent: number;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 12 || c === 11 || c === 0xa0 || c === 0xfeff;
}

export function splitPlainLines(text: string, from: number): Line[] {
  const lines: Line[] = [];
  let start = from;
  while (start <= text.length) {
    let end = start;
    while (end < text.length && text.charCodeAt(end) !== LF && text.charCodeAt(end) !== CR) end++;
    let solidStart = start;
    let indent = 0;
    while (solidStart < end && isSpace(text.charCodeAt(solidStart))) {
      indent += text.charCodeAt(solidStart) === 9 ? 4 : 1;
      solidStart++;
    }
    let solidEnd = end;
    while (solidEnd > solidStart && isSpace(text.charCodeAt(solidEnd - 1))) solidEnd--;
    lines.push({ start, end, solidStart, solidEnd, indent });
    if (end >= text.length) break;
    start = end + (text.charCodeAt(end) === CR && text.charCodeAt(end + 1) === LF ? 2 : 1);
  }
  return lines;
}

const LIST_MARKER = /^(?:[-*+•‣◦–—]|\d{1,3}[.)]|[a-zA-Z][.)]|\[[ xX]\])(?:\s|$)/;

function startsWithLowerCase(text: string, at: number): boolean {
  const ch = text[at];
  return ch !== undefined && ch.toLowerCase() === ch && ch.toUpperCase() !== ch;
}

function endsSentence(text: string, solidEnd: number): boolean {
  const c = text.charCodeAt(solidEnd - 1);
  return c === 46 || c === 33 || c === 63 || c === 58 || c === 59; // . ! ? : ;
}

/** Does `line` continue the note that starts at `first` and so far ends with `previous`? */
function continues(text: string, first: Line, previous: Line, line: Line): boolean {
  if (!endsSentence(text, previous.solidEnd) && startsWithLowerCase(text, line.solidStart)) return true;
  return line.indent > first.indent && !LIST_MARKER.test(text.slice(line.solidStart, Math.min(line.solidEnd, line.solidStart + 6)));
}

export function readPlainText(text: string): ProductionDocument {
  const from = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const lines = splitPlainLines(text, from);
  const notes: NoteSpan[] = [];
  let i = 0;
  while (i < lines.length) {
    if (lines[i].solidStart === lines[i].solidEnd) {
      i++;
      continue;
    }
    const paragraph: NoteSpan[] = [];
    let first = lines[i];
    let last = first;
    for (i++; i < lines.length && lines[i].solidStart < lines[i].solidEnd; i++) {
      const line = lines[i];
      if (continues(text, first, last, line)) {
        last = line;
        continue;
      }
      paragraph.push(lineNote(text, first, last));
      first = line;
      last = line;
    }
    paragraph.push(lineNote(text, first, last));
    if (paragraph.length === 1) paragraph[0].kind = 'paragraph';
    notes.push(...paragraph);
  }
  return { kind: 'plaintext', text, notes, problems: [] };
}

function lineNote(text: string, first: Line, last: Line): NoteSpan {
  const span = { start: first.solidStart, end: last.solidEnd };
  return { kind: 'line', span, textSpan: { ...span }, text: text.slice(span.start, span.end) };
}
