// Maps UTF-16 offsets to zero-based line/character pairs and back. Lines end at \n, \r\n or a
// lone \r, as LSP defines them. This is the only place that knows how lines are counted.
import { textChange } from './textDiff';

export interface LineCharacter {
  line: number;
  character: number;
}

/** Pushes the start of every line that begins after `from` and before `until`, scanning from `from` (a line start). */
function scanLineStarts(text: string, from: number, until: number, starts: number[]): void {
  const end = Math.min(text.length, until);
  for (let i = from; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 13 /* \r */) {
      if (text.charCodeAt(i + 1) === 10) i++;
      if (i + 1 < until) starts.push(i + 1);
    } else if (c === 10 /* \n */) {
      if (i + 1 < until) starts.push(i + 1);
    }
  }
}

export class LineIndex {
  private readonly starts: number[];

  constructor(
    private readonly text: string,
    starts?: number[],
  ) {
    if (starts) {
      this.starts = starts;
      return;
    }
    this.starts = [0];
    scanLineStarts(text, 0, Infinity, this.starts);
  }

  /**
   * The index of `text`, a later version of `previous`'s text: lines before the change are kept,
   * lines after it shifted, and only the changed stretch is scanned.
   */
  static updated(previous: LineIndex, text: string): LineIndex {
    const change = textChange(previous.text, text);
    if (!change) return new LineIndex(text, previous.starts);
    const old = previous.starts;
    // A line start depends on the two characters before it (\r\n is one break): rescan from the
    // line before the change to two characters past it.
    const from = previous.lineAt(Math.max(0, change.start - 1));
    const starts = old.slice(0, from + 1);
    const until = change.afterEnd + 2;
    scanLineStarts(text, old[from], until, starts);
    const delta = change.afterEnd - change.beforeEnd;
    let k = previous.lineAt(change.beforeEnd);
    while (k < old.length && old[k] + delta < until) k++;
    for (; k < old.length; k++) starts.push(old[k] + delta);
    return new LineIndex(text, starts);
  }

  get lineCount(): number {
    return this.starts.length;
  }

  /** Offset of the first character of `line` (clamped to the document). */
  lineStart(line: number): number {
    if (line <= 0) return 0;
    if (line >= this.starts.length) return this.text.length;
    return this.starts[line];
  }

  /** Offset just past the last character of `line`, before its line break. */
  lineEnd(line: number): number {
    if (line < 0) return 0;
    if (line >= this.starts.length - 1) return this.text.length;
    let end = this.starts[line + 1];
    if (end > 0 && this.text.charCodeAt(end - 1) === 10) end--;
    if (end > 0 && this.text.charCodeAt(end - 1) === 13) end--;
    return end;
  }

  /** Zero-based line containing `offset` (clamped). */
  lineAt(offset: number): number {
    const o = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= o) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  positionAt(offset: number): LineCharacter {
    const o = Math.max(0, Math.min(offset, this.text.length));
    const line = this.lineAt(o);
    return { line, character: Math.min(o, this.lineEnd(line)) - this.starts[line] };
  }

  offsetAt(position: LineCharacter): number {
    if (position.line < 0) return 0;
    if (position.line >= this.starts.length) return this.text.length;
    const start = this.starts[position.line];
    return Math.max(start, Math.min(start + Math.max(0, position.character), this.lineEnd(position.line)));
  }
}
