// Long work in the server (a pass over every file, the analysis of a file with thousands of
// notes) runs in slices: between slices, queued messages are handled, so a newer edit, a
// cancellation or a hover never waits for more than one slice.

/** Longest stretch of analysis between two looks at the message queue, in milliseconds. */
export const SLICE_MS = 15;

let sliceMs = SLICE_MS;

/**
 * Sets the slice length for this server process. Tests set 0 (look at the queue after every
 * note) so that "an edit arrives while the analysis runs" happens for certain, not by timing.
 */
export function setSliceMs(ms: number): void {
  sliceMs = ms;
}

/** Lets queued messages (a newer edit, a cancellation) be handled before the work goes on. */
export function yieldToQueue(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** A clock for sliced work: `due()` once the current slice is spent; `next()` yields and starts another. */
export interface Slicer {
  due(): boolean;
  next(): Promise<void>;
}

export function slicer(ms?: number): Slicer {
  const length = ms ?? sliceMs;
  let started = performance.now();
  return {
    due: () => performance.now() - started > length,
    async next() {
      await yieldToQueue();
      started = performance.now();
    },
  };
}
