// Where two versions of a text differ: one replaced range, found from the common start and end.
// The incremental readers take edits in this form, whatever produced them (an editor's change
// events, a file read again from disk), so they need no protocol knowledge.

/** `before.slice(start, beforeEnd)` became `after.slice(start, afterEnd)`; the rest is equal. */
export interface TextChange {
  start: number;
  beforeEnd: number;
  afterEnd: number;
}

/**
 * The smallest single range that turns `before` into `after`, or undefined when they are equal.
 * Compares ever larger blocks natively (slices of long strings are views, and `===` compares
 * memory), then halves back to where they part: a keystroke in a 165 KB script costs a few
 * dozen comparisons, not a loop over every character.
 */
export function textChange(before: string, after: string): TextChange | undefined {
  if (before === after) return undefined;
  const limit = Math.min(before.length, after.length);
  const samePrefix = (at: number, size: number) => before.slice(at, at + size) === after.slice(at, at + size);
  const start = commonLength(limit, samePrefix, (at) => before.charCodeAt(at) === after.charCodeAt(at));
  // The common end may not overlap the common start.
  const tailLimit = limit - start;
  const b = before.length;
  const a = after.length;
  const sameSuffix = (at: number, size: number) => before.slice(b - at - size, b - at) === after.slice(a - at - size, a - at);
  const tail = commonLength(tailLimit, sameSuffix, (at) => before.charCodeAt(b - at - 1) === after.charCodeAt(a - at - 1));
  return { start, beforeEnd: b - tail, afterEnd: a - tail };
}

/** How many leading units (as `same` and `sameUnit` see them) are equal, at most `limit`. */
function commonLength(limit: number, same: (at: number, size: number) => boolean, sameUnit: (at: number) => boolean): number {
  let at = 0;
  let size = 64;
  // Gallop: double the block while the blocks agree.
  while (at + size <= limit && same(at, size)) {
    at += size;
    size *= 2;
  }
  // Narrow down within the block where they part (or that runs past the limit).
  while (size > 16) {
    size >>= 1;
    if (at + size <= limit && same(at, size)) at += size;
  }
  while (at < limit && sameUnit(at)) at++;
  return at;
}
