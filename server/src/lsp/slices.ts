// Long work in the server (a pass over every file, the analysis of a file with thousands of
// notes) runs in slices: between slices, queued messages are handled, so a newer edit, a
// cancellation or a hover never waits for more than one slice.

/** Longest stretch of analysis between two looks at the message queue, in milliseconds. */
export const SLICE_MS = 15;

/** Lets queued messages (a newer edit, a cancellation) be handled before the work goes on. */
export function yieldToQueue(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** A clock for sliced work: `due()` once the current slice is spent; `next()` yields and starts another. */
export interface Slicer {
  due(): boolean;
  next(): Promise<void>;
}

export function slicer(sliceMs = SLICE_MS): Slicer {
  let started = performance.now();
  return {
    due: () => performance.now() - started > sliceMs,
    async next() {
      await yieldToQueue();
      started = performance.now();
    },
  };
}
