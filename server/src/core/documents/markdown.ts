// Production notes in Markdown, read block by block with exact offsets: every heading,
// paragraph, list item, table body row, block-quote paragraph and HTML comment is a note; code
// and front matter are not. A hand-written scanner of the CommonMark/GFM block structure that
// notes files use — not a full CommonMark implementation (inline syntax stays in the text).
//
// Leniency: an unclosed code fence or `<!--` is reported and read as text, so one typo does not
// hide the rest of the file from the check.
import type { NoteKind, NoteSpan, ParseProblem, ProductionDocument, Span } from '../types';
import { splitPlainLines } from './plaintext';
import { CachedIndexOf } from '../text/cachedIndexOf';

type Line = ReturnType<typeof splitPlainLines>[number];

interface OpenParagraph {
  kind: NoteKind;
  /** Where the note starts (a list marker or `>`), and where its words start. */
  spanStart: number;
  textStart: number;
  lastLine: Line;
  /** A block-quote paragraph: later `>` lines continue it. */
  quote: boolean;
}

interface ListItem {
  /** Column where the item's content starts: deeper lines belong to the item. */
  contentIndent: number;
  hasParagraph: boolean;
}

const ATX_HEADING = /^(#{1,6})(?:[ \t]+|$)/;
const THEMATIC_BREAK = /^([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
const SETEXT_UNDERLINE = /^(?:=+|-+)[ \t]*$/;
const FENCE = /^(`{3,}|~{3,})/;
const BULLET = /^([-*+])(?:([ \t]+)|$)/;
const ORDERED = /^(\d{1,9}[.)])(?:([ \t]+)|$)/;
const TASK_BOX = /^\[[ xX]\](?:[ \t]+|$)/;
const DELIMITER_ROW = /^\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$/;

function isSpace(c: number): boolean {
  return c === 32 || c === 9;
}

/** Cells in a table row: pipes not escaped, outer pipes optional. */
function cellCount(row: string): number {
  let body = row.trim();
  if (body.startsWith('|')) body = body.slice(1);
  if (body.endsWith('|') && !body.endsWith('\\|')) body = body.slice(0, -1);
  let cells = 1;
  for (let i = 0; i < body.length; i++) if (body.charCodeAt(i) === 124 && body.charCodeAt(i - 1) !== 92) cells++;
  return cells;
}

export function readMarkdown(text: string): ProductionDocument {
  return new MarkdownReader(text).read();
}

class MarkdownReader {
  private readonly lines: Line[];
  private readonly notes: NoteSpan[] = [];
  private readonly problems: ParseProblem[] = [];
  private title: string | undefined;
  private heading: string | undefined;
  private paragraph: OpenParagraph | undefined;
  private list: ListItem[] = [];
  /** Per fence character: the shortest fence length known to have no closing line below. */
  private readonly unclosedFence = new Map<string, number>();
  // Paragraphs close in document order, so searches ahead can remember their hits.
  private readonly nextCommentOpen: CachedIndexOf;
  private readonly nextCommentClose: CachedIndexOf;

  constructor(private readonly text: string) {
    this.lines = splitPlainLines(text, text.charCodeAt(0) === 0xfeff ? 1 : 0);
    this.nextCommentOpen = new CachedIndexOf(text, '<!--');
    this.nextCommentClose = new CachedIndexOf(text, '-->');
  }

  read(): ProductionDocument {
    let i = this.frontMatterEnd();
    let afterBlank = true;
    while (i < this.lines.length) {
      const line = this.lines[i];
      if (line.solidStart === line.solidEnd) {
        this.closeParagraph();
        afterBlank = true;
        i++;
        continue;
      }
      i = this.readLine(i, afterBlank);
      afterBlank = false;
    }
    this.closeParagraph();
    const doc: ProductionDocument = { kind: 'markdown', text: this.text, notes: this.notes, problems: this.problems };
    if (this.title) doc.title = this.title;
    return doc;
  }

  /** Reads the line at `i` (not blank); returns the index of the next line to read. */
  private readLine(i: number, afterBlank: boolean): number {
    const line = this.lines[i];
    const content = this.text.slice(line.solidStart, line.solidEnd);
    const open = this.paragraph;

    if (open && !afterBlank) {
      if (!open.quote && open.kind === 'paragraph' && line.indent <= 3 + this.containerIndent() && SETEXT_UNDERLINE.test(content)) {
        this.closeAsSetextHeading(line, content.charCodeAt(0) === 61 ? 1 : 2);
        return i + 1;
      }
      if (!this.interruptsParagraph(i, content)) {
        if (open.quote && content.charCodeAt(0) === 62 /* > */) {
          const rest = this.afterQuoteMarker(line);
          if (rest === line.solidEnd) this.closeParagraph();
          else open.lastLine = line;
        } else {
          open.lastLine = line;
        }
        return i + 1;
      }
    }
    this.closeParagraph();
    while (this.list.length > 0 && line.indent < this.list[this.list.length - 1].contentIndent) this.list.pop();
    const relative = line.indent - this.containerIndent();

    if (relative >= 4) return i + 1; // indented code: not a note
    const fence = FENCE.exec(content);
    if (fence) return this.skipFence(i, fence[1], content);
    if (content.startsWith('<!--')) return this.readComment(i);
    const atx = ATX_HEADING.exec(content);
    if (atx) {
      this.addHeading(line, line.solidStart + atx[0].length, atx[1].length);
      return i + 1;
    }
    if (THEMATIC_BREAK.test(content)) return i + 1;
    if (content.charCodeAt(0) === 62 /* > */) {
      const start = this.afterQuoteMarker(line);
      if (start < line.solidEnd) this.paragraph = { kind: 'paragraph', spanStart: line.solidStart, textStart: start, lastLine: line, quote: true };
      return i + 1;
    }
    if (this.startsTable(i, content)) return this.readTable(i);
    const marker = BULLET.exec(content) ?? ORDERED.exec(content);
    if (marker) {
      this.openListItem(line, marker);
      return i + 1;
    }
    const item = this.list[this.list.length - 1];
    const firstOfItem = item !== undefined && !item.hasParagraph;
    if (item) item.hasParagraph = true;
    this.paragraph = { kind: firstOfItem ? 'list-item' : 'paragraph', spanStart: line.solidStart, textStart: line.solidStart, lastLine: line, quote: false };
    return i + 1;
  }

  private containerIndent(): number {
    return this.list.length > 0 ? this.list[this.list.length - 1].contentIndent : 0;
  }

  /** A line that starts a block of its own ends the open paragraph instead of continuing it. */
  private interruptsParagraph(i: number, content: string): boolean {
    const c = content.charCodeAt(0);
    if (c === 35 /* # */) return ATX_HEADING.test(content);
    if (c === 62 /* > */) return !this.paragraph?.quote;
    if (c === 96 /* ` */ || c === 126 /* ~ */) return FENCE.test(content);
    if (c === 60 /* < */) return content.startsWith('<!--');
    if (THEMATIC_BREAK.test(content)) return true;
    if (BULLET.test(content) || ORDERED.test(content)) return true;
    return this.startsTable(i, content);
  }

  private afterQuoteMarker(line: Line): number {
    let at = line.solidStart + 1;
    if (isSpace(this.text.charCodeAt(at))) at++;
    while (at < line.solidEnd && isSpace(this.text.charCodeAt(at))) at++;
    return at;
  }

  private openListItem(line: Line, marker: RegExpExecArray): void {
    while (this.list.length > 0 && line.indent < this.list[this.list.length - 1].contentIndent) this.list.pop();
    const markerWidth = marker[1].length;
    const spaces = marker[2] ? marker[2].length : 1;
    // CommonMark: five or more spaces after the marker mean indented code inside the item.
    const contentIndent = line.indent + markerWidth + (spaces > 4 ? 1 : spaces);
    let textStart = line.solidStart + marker[0].length;
    const task = TASK_BOX.exec(this.text.slice(textStart, Math.min(line.solidEnd, textStart + 8)));
    if (task) textStart += task[0].length;
    const hasText = textStart < line.solidEnd;
    this.list.push({ contentIndent, hasParagraph: hasText });
    if (hasText) this.paragraph = { kind: 'list-item', spanStart: line.solidStart, textStart, lastLine: line, quote: false };
  }

  private closeParagraph(): void {
    const open = this.paragraph;
    if (!open) return;
    this.paragraph = undefined;
    const end = open.lastLine.solidEnd;
    if (end <= open.textStart) return;
    this.addSplitAtComments(open.kind, open.spanStart, open.textStart, end);
  }

  /**
   * Adds a paragraph or item, an HTML comment inside it becoming a note of its own: in
   * "- Crowd, sc 12 <!-- AI: generate extras -->" the comment is what a reviewer looks for.
   * The words before the comment keep the kind; words after it are a paragraph.
   */
  private addSplitAtComments(kind: NoteKind, spanStart: number, textStart: number, end: number): void {
    let open = this.nextCommentOpen.from(textStart);
    while (open >= 0 && open < end) {
      const close = this.nextCommentClose.from(open + 4);
      if (close < 0 || close + 3 > end) break;
      const before = this.trimEnd(textStart, open);
      if (before > textStart) this.addNote(kind, { start: spanStart, end: before }, { start: textStart, end: before });
      this.addComment(open, close);
      kind = 'paragraph';
      textStart = this.trimStart(close + 3, end);
      spanStart = textStart;
      open = this.nextCommentOpen.from(textStart);
    }
    if (end > textStart) this.addNote(kind, { start: spanStart, end }, { start: textStart, end });
  }

  private addComment(open: number, close: number): void {
    const start = this.trimStart(open + 4, close);
    const end = this.trimEnd(start, close);
    if (end > start) this.addNote('html-comment', { start: open, end: close + 3 }, { start, end });
  }

  private trimStart(from: number, to: number): number {
    let at = from;
    while (at < to && /\s/.test(this.text[at])) at++;
    return at;
  }

  private trimEnd(from: number, to: number): number {
    let at = to;
    while (at > from && /\s/.test(this.text[at - 1])) at--;
    return at;
  }

  private closeAsSetextHeading(underline: Line, level: number): void {
    const open = this.paragraph as OpenParagraph;
    this.paragraph = undefined;
    const textSpan = { start: open.textStart, end: open.lastLine.solidEnd };
    this.addNote('heading', { start: open.spanStart, end: underline.solidEnd }, textSpan);
    this.setHeading(this.text.slice(textSpan.start, textSpan.end), level);
  }

  private addHeading(line: Line, textStart: number, level: number): void {
    let end = line.solidEnd;
    // A closing sequence of #s, after a space, is decoration.
    let closing = end;
    while (closing > textStart && this.text.charCodeAt(closing - 1) === 35) closing--;
    if (closing < end && (closing === textStart || isSpace(this.text.charCodeAt(closing - 1)))) end = closing;
    while (end > textStart && isSpace(this.text.charCodeAt(end - 1))) end--;
    const start = Math.min(textStart, end);
    if (end > start) this.addNote('heading', { start: line.solidStart, end: line.solidEnd }, { start, end });
    this.setHeading(this.text.slice(start, end), level);
    this.list = [];
  }

  private setHeading(text: string, level: number): void {
    if (text) this.heading = text;
    if (level === 1 && this.title === undefined && text) this.title = text;
  }

  private addNote(kind: NoteKind, span: Span, textSpan: Span): void {
    const note: NoteSpan = { kind, span, textSpan, text: this.text.slice(textSpan.start, textSpan.end) };
    // A heading's context is the heading before it.
    if (this.heading !== undefined) note.context = this.heading;
    this.notes.push(note);
  }

  private skipFence(i: number, fence: string, content: string): number {
    const char = fence[0];
    const known = this.unclosedFence.get(char);
    if (char === '`' && content.indexOf('`', fence.length) >= 0) return this.asText(i); // ``` x ` y: inline code, not a fence
    if (known === undefined || fence.length < known) {
      for (let k = i + 1; k < this.lines.length; k++) {
        const line = this.lines[k];
        const candidate = this.text.slice(line.solidStart, line.solidEnd);
        if (candidate.length >= fence.length && candidate.charAt(0) === char && /^(`+|~+)$/.test(candidate) && line.indent - this.containerIndent() <= 3) {
          return k + 1;
        }
      }
      this.unclosedFence.set(char, Math.min(known ?? Infinity, fence.length));
    }
    const line = this.lines[i];
    this.problems.push({
      message: `This code fence (${fence}) is never closed, so it is read as text.`,
      span: { start: line.solidStart, end: line.solidEnd },
      severity: 'warning',
    });
    return this.asText(i);
  }

  /** Reads line `i` as paragraph text, whatever it starts with. */
  private asText(i: number): number {
    const line = this.lines[i];
    this.paragraph = { kind: 'paragraph', spanStart: line.solidStart, textStart: line.solidStart, lastLine: line, quote: false };
    return i + 1;
  }

  private readComment(i: number): number {
    const line = this.lines[i];
    const open = line.solidStart;
    const close = this.nextCommentClose.from(open + 4);
    if (close < 0) {
      this.problems.push({ message: 'This HTML comment is never closed with -->, so it is read as text.', span: { start: open, end: line.solidEnd }, severity: 'warning' });
      return this.asText(i);
    }
    this.addComment(open, close);
    let k = i;
    while (k < this.lines.length && this.lines[k].end < close + 3) k++;
    return k + 1;
  }

  private startsTable(i: number, content: string): boolean {
    if (content.indexOf('|') < 0) return false;
    const next = this.lines[i + 1];
    if (!next || next.solidStart === next.solidEnd) return false;
    const delimiter = this.text.slice(next.solidStart, next.solidEnd);
    if (!DELIMITER_ROW.test(delimiter) || (delimiter.indexOf('|') < 0 && cellCount(content) !== 1)) return false;
    return cellCount(delimiter) === cellCount(content);
  }

  /** The header row labels the columns and the delimiter row draws them: body rows are notes. */
  private readTable(i: number): number {
    let k = i + 2;
    for (; k < this.lines.length; k++) {
      const line = this.lines[k];
      if (line.solidStart === line.solidEnd) break;
      const content = this.text.slice(line.solidStart, line.solidEnd);
      const c = content.charCodeAt(0);
      if ((c === 35 && ATX_HEADING.test(content)) || c === 62 || FENCE.test(content) || content.startsWith('<!--')) break;
      let start = line.solidStart;
      let end = line.solidEnd;
      if (this.text.charCodeAt(start) === 124) start++;
      if (end > start && this.text.charCodeAt(end - 1) === 124 && this.text.charCodeAt(end - 2) !== 92) end--;
      while (start < end && isSpace(this.text.charCodeAt(start))) start++;
      while (end > start && isSpace(this.text.charCodeAt(end - 1))) end--;
      if (end > start) this.addNote('table-row', { start: line.solidStart, end: line.solidEnd }, { start, end });
    }
    return k;
  }

  /** Lines of YAML (`---`) or TOML (`+++`) front matter at the very top; reads `title`. */
  private frontMatterEnd(): number {
    const first = this.lines[0];
    if (!first || first.indent > 0) return 0;
    const fence = this.text.slice(first.solidStart, first.solidEnd);
    if (fence !== '---' && fence !== '+++') return 0;
    for (let k = 1; k < this.lines.length; k++) {
      const line = this.lines[k];
      const content = this.text.slice(line.solidStart, line.solidEnd);
      if (content === fence || (fence === '---' && content === '...')) {
        if (line.indent > 0) continue;
        this.readFrontMatterTitle(1, k, fence === '---' ? /^title\s*:\s*(.*)$/ : /^title\s*=\s*(.*)$/);
        return k + 1;
      }
    }
    return 0;
  }

  private readFrontMatterTitle(from: number, to: number, key: RegExp): void {
    for (let k = from; k < to; k++) {
      const line = this.lines[k];
      if (line.indent > 0) continue;
      const match = key.exec(this.text.slice(line.solidStart, line.solidEnd));
      if (!match) continue;
      const value = match[1].trim().replace(/^(["'])(.*)\1$/, '$2').trim();
      if (value) this.title = value;
      return;
    }
  }
}
