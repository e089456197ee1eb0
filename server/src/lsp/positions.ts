// The only place that turns document offsets into LSP positions and ranges (and back). Offsets
// are UTF-16 indices, as LSP counts characters; core/text/lineIndex.ts does the line counting.
// One LineIndex per text, kept while the text is current, so converting a whole file's
// findings indexes its lines once.
import type { Position, Range } from 'vscode-languageserver';
import { LineIndex } from '../core/text/lineIndex';
import type { Span } from '../core/types';

const indexes = new Map<string, { text: string; index: LineIndex }>();

/** Line index of `text`, reused while the file at `key` keeps that text, and updated (not rebuilt) after an edit. */
export function lineIndexFor(key: string, text: string): LineIndex {
  const known = indexes.get(key);
  if (known && known.text === text) return known.index;
  const index = known ? LineIndex.updated(known.index, text) : new LineIndex(text);
  indexes.set(key, { text, index });
  return index;
}

export function forgetLineIndex(key: string): void {
  indexes.delete(key);
}

/** A position as LSP defines it: whole, non-negative numbers. Clients can send anything. */
export function isPosition(value: unknown): value is Position {
  const p = value as Position | null | undefined;
  return typeof p === 'object' && p !== null && Number.isInteger(p.line) && Number.isInteger(p.character) && p.line >= 0 && p.character >= 0;
}

export function isRange(value: unknown): value is Range {
  const r = value as Range | null | undefined;
  return typeof r === 'object' && r !== null && isPosition(r.start) && isPosition(r.end);
}

export function positionOf(index: LineIndex, offset: number): Position {
  return index.positionAt(offset);
}

export function rangeOf(index: LineIndex, span: Span): Range {
  return { start: index.positionAt(span.start), end: index.positionAt(span.end) };
}

export function offsetOf(index: LineIndex, position: Position): number {
  return index.offsetAt(position);
}

/** An empty range at `offset`: where an insertion goes. */
export function insertionRange(index: LineIndex, offset: number): Range {
  const p = index.positionAt(offset);
  return { start: p, end: p };
}
