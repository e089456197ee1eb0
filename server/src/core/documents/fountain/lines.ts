// Splits a Fountain document into lines once, and says for each line what the screenplay
// structure sees in it once notes and boneyard are set aside.
import type { InlineRegion } from './inlineRegions';

/**
 * - content: has script text.
 * - blank: empty or whitespace; separates blocks.
 * - soft-blank: whitespace with two spaces; continues dialogue (Fountain spec), else separates.
 * - hidden: nothing but notes or boneyard (and whitespace); invisible to the structure.
 */
export type LineKind = 'content' | 'blank' | 'soft-blank' | 'hidden';

export interface FountainLine {
  kind: LineKind;
  /** Offset of the first character of the line. */
  start: number;
  /** Offset just past the last character, before the line break. */
  end: number;
  /** The line with notes and boneyard cut out; '' for blank and hidden lines. */
  content: string;
  /** Offsets of the first and just past the last non-whitespace raw character. */
  trimStart: number;
  trimEnd: number;
}

const LF = 10;
const CR = 13;

function isBlankChar(c: number): boolean {
  return c === 32 || c === 9 || c === 12 || c === 11 || c === 0xa0 || c === 0xfeff;
}

function hasTwoSpaces(text: string, start: number, end: number): boolean {
  let spaces = 0;
  for (let i = start; i < end; i++) if (text.charCodeAt(i) === 32) spaces++;
  return spaces >= 2;
}

/**
 * Reads every line from `from` (past a BOM) to the end. `regions` must be sorted and disjoint.
 */
export function splitLines(text: string, from: number, regions: readonly InlineRegion[]): FountainLine[] {
  const lines: FountainLine[] = [];
  const breaks = new LineBreakFinder(text);
  let region = 0;
  let start = from;
  for (;;) {
    const end = breaks.next(start);
    // Most lines have no surrounding whitespace: scan inward from each end, not the whole line.
    let firstSolid = start;
    while (firstSolid < end && isBlankChar(text.charCodeAt(firstSolid))) firstSolid++;
    let lastSolid = end - 1;
    while (lastSolid >= firstSolid && isBlankChar(text.charCodeAt(lastSolid))) lastSolid--;
    const blank = firstSolid === end;
    while (region < regions.length && regions[region].span.end <= start) region++;
    const touchesRegion = region < regions.length && regions[region].span.start < end;
    if (blank && !touchesRegion) {
      const kind = end - start >= 2 && hasTwoSpaces(text, start, end) ? 'soft-blank' : 'blank';
      lines.push({ kind, start, end, content: '', trimStart: start, trimEnd: start });
    } else if (!touchesRegion) {
      lines.push({ kind: 'content', start, end, content: text.slice(start, end), trimStart: firstSolid, trimEnd: lastSolid + 1 });
    } else {
      lines.push(lineAroundRegions(text, start, end, regions, region, blank ? -1 : firstSolid, lastSolid));
    }
    if (end >= text.length) break;
    start = end + (text.charCodeAt(end) === CR && text.charCodeAt(end + 1) === LF ? 2 : 1);
    if (start >= text.length) {
      // A final line break ends the last line; it does not open an empty one.
      break;
    }
  }
  return lines;
}

/** Finds line ends with native `indexOf`, remembering the next \n and \r ahead. */
class LineBreakFinder {
  private lf = -2;
  private cr = -2;

  constructor(private readonly text: string) {}

  /** Offset of the first \n or \r at or after `from`, or the text length. */
  next(from: number): number {
    if (this.lf !== -1 && this.lf < from) this.lf = this.text.indexOf('\n', from);
    if (this.cr !== -1 && this.cr < from) this.cr = this.text.indexOf('\r', from);
    const lf = this.lf < 0 ? this.text.length : this.lf;
    const cr = this.cr < 0 ? this.text.length : this.cr;
    return lf < cr ? lf : cr;
  }
}

function lineAroundRegions(
  text: string,
  start: number,
  end: number,
  regions: readonly InlineRegion[],
  first: number,
  firstSolid: number,
  lastSolid: number,
): FountainLine {
  let content = '';
  let at = start;
  for (let r = first; r < regions.length && regions[r].span.start < end; r++) {
    const { span } = regions[r];
    if (span.start > at) content += text.slice(at, span.start);
    at = Math.max(at, span.end);
  }
  if (at < end) content += text.slice(at, end);
  let solid = false;
  for (let i = 0; i < content.length; i++) {
    if (!isBlankChar(content.charCodeAt(i))) {
      solid = true;
      break;
    }
  }
  if (!solid) return { kind: 'hidden', start, end, content: '', trimStart: start, trimEnd: start };
  // The visible text starts and ends outside the regions: "*/## Act" is a section from "##".
  const inRegion = (i: number) => {
    for (let r = first; r < regions.length && regions[r].span.start < end; r++) if (regions[r].span.start <= i && i < regions[r].span.end) return true;
    return false;
  };
  let trimStart = Math.max(start, firstSolid);
  while (trimStart < end && (inRegion(trimStart) || isBlankChar(text.charCodeAt(trimStart)))) trimStart++;
  let trimEnd = Math.min(end, lastSolid + 1);
  while (trimEnd > trimStart && (inRegion(trimEnd - 1) || isBlankChar(text.charCodeAt(trimEnd - 1)))) trimEnd--;
  return { kind: 'content', start, end, content, trimStart, trimEnd };
}
