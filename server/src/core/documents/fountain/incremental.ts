// Reads a Fountain script in chunks, so that after an edit only the chunks it touched are read
// again. A chunk starts at a line that follows a "hard" blank line (empty, or one whitespace
// character), is never cut inside boneyard, and runs over a couple of kilobytes. Every construct of
// the syntax stays inside a chunk: a block ends at a blank line, a note `[[ ]]` is closed before
// the next hard blank line, boneyard is kept whole. So each chunk reads the same on its own as
// in the whole script, with offsets relative to its start, and an unchanged chunk is reused as
// it is. Two things are global and handled here: the title page (read at the first line with
// content; edits near it read the script afresh) and boneyard `/* */` (an edit that adds or
// removes a delimiter can open or close boneyard anywhere after it: the script is read afresh).
import type { NoteSpan, ParseProblem, ProductionDocument, Span } from '../../types';
import { FactsAggregator, summarizeFacts, type FactsPart, type FactsSummary } from '../../script/facts';
import { textChange } from '../../text/textDiff';
import { scanInlineRegions } from './inlineRegions';
import { parseFountainBody, type FountainBody } from './parseFountain';
import { fountainNoteSpans, noteAnchors, type NoteAnchor } from './notes';
import { titleFrom } from './titlePage';

/** One chunk read on its own; every offset is relative to the chunk's start. */
export interface FountainChunk {
  text: string;
  /** Read as the possible start of the title page (no content before it). */
  titlePageAllowed: boolean;
  body: FountainBody;
  notes: NoteSpan[];
  anchors: NoteAnchor[];
  facts: FactsSummary;
}

/** A script read in chunks; `starts[i]` is where chunk i begins. */
export interface FountainState {
  text: string;
  chunks: FountainChunk[];
  starts: number[];
  /** Remembers searches over the chunks, for the next edit. */
  aggregator: FactsAggregator;
  /** How many edits were read incrementally, and how many afresh since the first read (for tests). */
  stats: { incremental: number; full: number };
}

function isHardBlank(text: string, start: number, end: number): boolean {
  if (end === start) return true;
  if (end - start > 1) return false;
  const c = text.charCodeAt(start);
  return c === 32 || c === 9 || c === 12 || c === 11 || c === 0xa0 || c === 0xfeff;
}

/**
 * About one blank-line gap in this many starts a chunk. Chunks of a couple of kilobytes keep the
 * work per edit small both ways: re-reading the touched chunks, and adding up the facts of all.
 */
const SPREAD = 8;

/**
 * Whether the line at `start` may open a chunk, by its own first characters: the choice depends
 * on nothing else, so the chunks an edit did not touch keep their boundaries.
 */
function opensChunk(text: string, start: number, end: number): boolean {
  let hash = 0;
  for (let i = start, until = Math.min(end, start + 32); i < until; i++) hash = (Math.imul(hash, 31) + text.charCodeAt(i)) | 0;
  return (hash >>> 0) % SPREAD === 0;
}

/** Offsets where chunks start (the first is 0), never inside one of `boneyard`. */
export function chunkStarts(text: string, boneyard: readonly Span[]): number[] {
  const starts = [0];
  let region = 0;
  let previousBlank = false;
  let lf = text.indexOf('\n');
  let cr = text.indexOf('\r');
  for (let start = 0; start < text.length; ) {
    if (lf !== -1 && lf < start) lf = text.indexOf('\n', start);
    if (cr !== -1 && cr < start) cr = text.indexOf('\r', start);
    const end = Math.min(lf < 0 ? text.length : lf, cr < 0 ? text.length : cr);
    const blank = isHardBlank(text, start, end);
    if (previousBlank && !blank && start > 0 && opensChunk(text, start, end)) {
      while (region < boneyard.length && boneyard[region].end <= start) region++;
      const inside = region < boneyard.length && boneyard[region].start < start;
      if (!inside) starts.push(start);
    }
    previousBlank = blank;
    if (end >= text.length) break;
    start = end + (text.charCodeAt(end) === 13 && text.charCodeAt(end + 1) === 10 ? 2 : 1);
  }
  return starts;
}

function readChunk(text: string, from: number, titlePageAllowed: boolean): FountainChunk {
  const body = parseFountainBody(text, from, titlePageAllowed);
  return { text, titlePageAllowed, body, notes: fountainNoteSpans(text, body), anchors: noteAnchors(body.elements), facts: summarizeFacts(body.elements) };
}

/**
 * A copy of `slice` that does not keep the whole text alive. Engines share memory between a
 * string and its slices; the notes, names and element texts cut from a chunk are kept in caches
 * across edits, and would otherwise keep every version of a 165 KB script alive (a few hundred
 * keystrokes held 80 MB). Concatenating and slicing again makes the engine copy the chunk.
 */
function detached(slice: string): string {
  return (slice + ' ').slice(0, -1);
}

/** Reads the chunks of `text` between the given starts (and `end`). */
function readChunks(text: string, starts: readonly number[], end: number, contentBefore: boolean, reuse?: Map<string, FountainChunk>): FountainChunk[] {
  const chunks: FountainChunk[] = [];
  let titlePageAllowed = !contentBefore;
  for (let i = 0; i < starts.length; i++) {
    const start = starts[i];
    const chunkText = detached(text.slice(start, i + 1 < starts.length ? starts[i + 1] : end));
    const known = reuse?.get(chunkText);
    // A chunk object is used once: the facts aggregator tells chunks apart by identity.
    if (known) reuse!.delete(chunkText);
    const chunk = known && known.titlePageAllowed === titlePageAllowed ? known : readChunk(chunkText, start === 0 && text.charCodeAt(0) === 0xfeff ? 1 : 0, titlePageAllowed);
    chunks.push(chunk);
    if (chunk.body.hasContent) titlePageAllowed = false;
  }
  return chunks;
}

export function readFountainState(text: string, aggregator = new FactsAggregator()): FountainState {
  const from = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const boneyard = scanInlineRegions(text, from).regions.filter((r) => r.kind === 'boneyard').map((r) => r.span);
  const starts = chunkStarts(text, boneyard);
  return { text, chunks: readChunks(text, starts, text.length, false), starts, aggregator, stats: { incremental: 0, full: 1 } };
}

function hasBoneyardDelimiter(text: string, start: number, end: number): boolean {
  // A delimiter may straddle the window's edge: look one character beyond on each side.
  const slice = text.slice(Math.max(0, start - 1), Math.min(text.length, end + 1));
  return slice.includes('/*') || slice.includes('*/');
}

/**
 * The state of `text`, reusing `previous` where the edit left it alone. Falls back to reading
 * afresh when the edit is near the title page or adds, removes or sits next to boneyard.
 */
export function updateFountainState(previous: FountainState, text: string): FountainState {
  const change = textChange(previous.text, text);
  if (!change) return previous;
  const { chunks, starts } = previous;
  const afresh = () => {
    const state = readFountainState(text, previous.aggregator);
    state.stats = { incremental: previous.stats.incremental, full: previous.stats.full + 1 };
    return state;
  };
  const first = chunkAt(starts, change.start);
  const last = Math.max(first, chunkAt(starts, change.beforeEnd - 1));
  // One untouched chunk on each side: their boundaries hold in the new text.
  const lo = first - 1;
  const hi = Math.min(chunks.length - 1, last + 1);
  let head = 0;
  while (head < chunks.length && !chunks[head].body.hasContent) head++;
  if (lo <= head) return afresh();
  const delta = change.afterEnd - change.beforeEnd;
  const oldEnd = hi + 1 < chunks.length ? starts[hi + 1] : previous.text.length;
  const windowStart = starts[lo];
  const windowEnd = oldEnd + delta;
  if (hasBoneyardDelimiter(previous.text, windowStart, oldEnd) || hasBoneyardDelimiter(text, windowStart, windowEnd)) return afresh();

  const windowText = text.slice(windowStart, windowEnd);
  const windowStarts = chunkStarts(windowText, []).map((s) => s + windowStart);
  const reuse = new Map<string, FountainChunk>();
  for (let i = lo; i <= hi; i++) reuse.set(chunks[i].text, chunks[i]);
  const fresh = readChunks(text, windowStarts, windowEnd, true, reuse);
  const nextChunks = [...chunks.slice(0, lo), ...fresh, ...chunks.slice(hi + 1)];
  const nextStarts = [...starts.slice(0, lo), ...windowStarts, ...starts.slice(hi + 1).map((s) => s + delta)];
  return { text, chunks: nextChunks, starts: nextStarts, aggregator: previous.aggregator, stats: { incremental: previous.stats.incremental + 1, full: previous.stats.full } };
}

/** Index of the chunk holding `offset` (the last chunk for the end of the text). */
function chunkAt(starts: readonly number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

function shift(span: Span, by: number): Span {
  return { start: span.start + by, end: span.end + by };
}

/** The document the analysis reads: notes with their context, facts and problems in document offsets. */
export function fountainDocument(state: FountainState): ProductionDocument {
  const notes: NoteSpan[] = [];
  const problems: ParseProblem[] = [];
  const parts: FactsPart[] = [];
  let title: string | undefined;
  let anchor: NoteAnchor | undefined;
  state.chunks.forEach((chunk, i) => {
    const start = state.starts[i];
    parts.push({ summary: chunk.facts, start });
    if (chunk.titlePageAllowed && chunk.body.titlePage.length > 0) title = titleFrom(chunk.body.titlePage);
    for (const p of chunk.body.problems) problems.push({ ...p, span: shift(p.span, start) });
    let a = 0;
    for (const note of chunk.notes) {
      // Strictly above: a section is not its own context.
      while (a < chunk.anchors.length && chunk.anchors[a].start < note.span.start) anchor = chunk.anchors[a++];
      const placed: NoteSpan = { kind: note.kind, span: shift(note.span, start), textSpan: shift(note.textSpan, start), text: note.text };
      if (anchor?.text) placed.context = anchor.text;
      notes.push(placed);
    }
    if (chunk.anchors.length > 0) anchor = chunk.anchors[chunk.anchors.length - 1];
  });
  const doc: ProductionDocument = { kind: 'fountain', text: state.text, notes, script: state.aggregator.facts(parts, title), problems };
  if (title) doc.title = title;
  return doc;
}
