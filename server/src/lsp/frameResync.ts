// Keeps `--stdio` input in step with the LSP framing. The protocol library reads a header block
// and then exactly Content-Length bytes; one frame without a valid header puts it out of step
// for good, and every message after it is misread (the server stays up but answers nothing).
// This stream passes well-framed input through untouched and, on a bad header, drops bytes up
// to the next `Content-Length:`, saying how many it dropped.
import { Transform, type TransformCallback } from 'node:stream';

const HEADER_END = Buffer.from('\r\n\r\n');
const CONTENT_LENGTH = 'content-length:';
const CONTENT_LENGTH_LINE = /^content-length:[ \t]*(\d+)[ \t]*$/i;
const HEADER_LINE = /^[A-Za-z][A-Za-z0-9-]*:[^\r\n]*$/;
/** A header block longer than this is not a header: real ones are under 100 bytes. */
const MAX_HEADER_BYTES = 8 * 1024;

export type DiscardListener = (bytes: number, why: string) => void;

export class FrameResync extends Transform {
  private buffer: Buffer = Buffer.alloc(0);
  /** Bytes of the current message's body still to pass through. */
  private bodyLeft = 0;

  constructor(private readonly onDiscard: DiscardListener) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.buffer = this.buffer.length > 0 ? Buffer.concat([this.buffer, chunk]) : chunk;
    this.drain();
    done();
  }

  override _flush(done: TransformCallback): void {
    if (this.buffer.length > 0 && this.bodyLeft === 0) this.onDiscard(this.buffer.length, 'the input ended inside a message header');
    this.buffer = Buffer.alloc(0);
    done();
  }

  /** Bytes dropped in this pass over the input, and why: reported once per pass. */
  private dropped = 0;
  private why = '';

  private drain(): void {
    try {
      this.frames();
    } finally {
      if (this.dropped > 0) this.onDiscard(this.dropped, this.why);
      this.dropped = 0;
    }
  }

  private frames(): void {
    for (;;) {
      if (this.bodyLeft > 0) {
        if (this.buffer.length === 0) return;
        const n = Math.min(this.bodyLeft, this.buffer.length);
        this.push(this.buffer.subarray(0, n));
        this.buffer = this.buffer.subarray(n);
        this.bodyLeft -= n;
        continue;
      }
      if (this.buffer.length === 0) return;
      const end = this.buffer.indexOf(HEADER_END);
      if (end < 0) {
        if (this.buffer.length > MAX_HEADER_BYTES) this.skip('a header block with no end');
        return;
      }
      const length = end <= MAX_HEADER_BYTES ? contentLength(this.buffer.subarray(0, end).toString('latin1')) : undefined;
      if (length === undefined) {
        this.skip('a message without a valid Content-Length header');
        continue;
      }
      const frameStart = end + HEADER_END.length;
      this.push(this.buffer.subarray(0, frameStart));
      this.buffer = this.buffer.subarray(frameStart);
      this.bodyLeft = length;
    }
  }

  /** Drops bytes up to the next `Content-Length:` after the start, or all but a possible partial one. */
  private skip(why: string): void {
    const next = indexOfIgnoreCase(this.buffer, CONTENT_LENGTH, 1);
    const dropped = next >= 0 ? next : Math.max(1, this.buffer.length - (CONTENT_LENGTH.length - 1));
    this.buffer = this.buffer.subarray(dropped);
    if (this.dropped === 0) this.why = why;
    this.dropped += dropped;
  }
}

/** The Content-Length of a header block whose every line is a header field, else undefined. */
function contentLength(header: string): number | undefined {
  let length: number | undefined;
  for (const line of header.split('\r\n')) {
    if (!HEADER_LINE.test(line)) return undefined;
    const match = CONTENT_LENGTH_LINE.exec(line);
    if (match) length = Number(match[1]);
  }
  return length !== undefined && Number.isSafeInteger(length) ? length : undefined;
}

function indexOfIgnoreCase(buffer: Buffer, needle: string, from: number): number {
  const lower = Buffer.from(needle.toLowerCase(), 'latin1');
  const upperFirst = needle[0].toUpperCase().charCodeAt(0);
  for (let i = from; i + lower.length <= buffer.length; i++) {
    const first = buffer[i];
    if (first !== lower[0] && first !== upperFirst) continue;
    let j = 1;
    for (; j < lower.length; j++) {
      const b = buffer[i + j];
      if (b !== lower[j] && !(b >= 65 && b <= 90 && b + 32 === lower[j])) break;
    }
    if (j === lower.length) return i;
  }
  return -1;
}
