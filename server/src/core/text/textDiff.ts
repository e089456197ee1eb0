// Where two versions of a text differ: one replaced range, found from the common start and end.
// The incremental readers take edits in this form, whatever produced them (an editor's change
// events, a file read again from disk), so they need no protocol knowledge.

/** `before.slice(start, beforeEnd)` became `after.slice(start, afterEnd)`; the rest is equal. */
export interface TextChange {
  start: number;
  beforeEnd: number;
  afterEnd: number;
}

const BLOCK = 256;

/**
 * The smallest single range that turns `before` into `after`, or undefined when they are equal.
 * Compares blocks natively (slices of long strings are views, and `===` compares memory) and
 * only the block where they part character by character, so a 165 KB script costs microseconds.
 */
export function textChange(before: string, after: string): TextChange | undefined {
  if (before === after) return undefined;
  const limit = Math.min(before.length, after.length);
  let start = 0;
  while (start + BLOCK <= limit && before.slice(start, start + BLOCK) === after.slice(start, start + BLOCK)) start += BLOCK;
  while (start < limit && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  // The common end may not overlap the common start.
  const tailLimit = limit - start;
  let tail = 0;
  while (tail + BLOCK <= tailLimit && before.slice(before.length - tail - BLOCK, before.length - tail) === after.slice(after.length - tail - BLOCK, after.length - tail)) tail += BLOCK;
  while (tail < tailLimit && before.charCodeAt(before.length - tail - 1) === after.charCodeAt(after.length - tail - 1)) tail++;
  return { start, beforeEnd: before.length - tail, afterEnd: after.length - tail };
}
