// The stdio input filter: well-framed input passes through byte for byte, however it is split
// into chunks; junk between frames costs only the junk, and the frames after it arrive whole.
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { FrameResync } from './frameResync';

const frame = (body: string, extraHeader = '') => `${extraHeader}Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;

/** Feeds `chunks` through a FrameResync; the bytes that come out, and what it reported dropping. */
async function through(chunks: readonly Buffer[]): Promise<{ out: Buffer; dropped: number; reasons: string[] }> {
  const reasons: string[] = [];
  let dropped = 0;
  const resync = new FrameResync((bytes, why) => {
    dropped += bytes;
    reasons.push(why);
  });
  const parts: Buffer[] = [];
  resync.on('data', (d: Buffer) => parts.push(d));
  const ended = new Promise((resolve) => resync.on('end', resolve));
  for (const c of chunks) resync.write(c);
  resync.end();
  await ended;
  return { out: Buffer.concat(parts), dropped, reasons };
}

/** Splits `bytes` at the given cut points (any order, duplicates allowed). */
function split(bytes: Buffer, cuts: readonly number[]): Buffer[] {
  const points = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
  const chunks: Buffer[] = [];
  let at = 0;
  for (const p of [...points, bytes.length]) {
    chunks.push(bytes.subarray(at, p));
    at = p;
  }
  return chunks.filter((c) => c.length > 0);
}

const body = fc.oneof(
  fc.json(),
  fc.string({ unit: 'grapheme', maxLength: 60 }).map((s) => JSON.stringify({ jsonrpc: '2.0', method: 'x', params: { s } })),
);
/** Junk a broken client could send, without a header of its own. */
const junk = fc
  .oneof(fc.string({ maxLength: 40 }), fc.constantFrom('\r\n\r\n', 'Hello: world\r\n\r\n', '{"jsonrpc":"2.0"}', 'Content-Type: x\r\n\r\n', 'garbage\n', '\r\n'))
  .filter((s) => s.length > 0 && !s.toLowerCase().includes('content-length:'));

describe('FrameResync', () => {
  it('passes well-framed input through unchanged, however it is chunked', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(body, { minLength: 1, maxLength: 6 }), fc.array(fc.nat(), { maxLength: 12 }), async (bodies, cuts) => {
        const input = Buffer.from(bodies.map((b, i) => frame(b, i % 2 ? 'Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n' : '')).join(''));
        const { out, dropped } = await through(split(input, cuts));
        assert.equal(dropped, 0);
        assert.ok(out.equals(input));
      }),
    );
  });

  it('drops junk between frames and keeps every frame after it whole', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(junk, body), { minLength: 1, maxLength: 5 }), fc.array(fc.nat(), { maxLength: 12 }), async (pairs, cuts) => {
        const input = Buffer.from(pairs.map(([j, b]) => j + frame(b)).join(''));
        const { out, dropped } = await through(split(input, cuts));
        // Nothing is invented: what came out and what was dropped add up to what went in.
        assert.equal(out.length + dropped, input.length);
        // Every frame comes out whole and in order. (Junk that reads as a header field, such as
        // "Foo: 1\r\n", joins the next frame's header, which the protocol library accepts.)
        let at = 0;
        for (const [, b] of pairs) {
          const found = out.indexOf(Buffer.from(frame(b)), at);
          assert.ok(found >= 0, `frame ${JSON.stringify(b)} is missing from ${JSON.stringify(out.toString())}`);
          at = found + Buffer.byteLength(frame(b));
        }
        assert.equal(at, out.length);
      }),
    );
  });

  it('says how many bytes it dropped and why', async () => {
    const { out, dropped, reasons } = await through([Buffer.from(`garbage line\r\n\r\n${frame('{"id":1}')}no header at all\n${frame('{"id":2}')}`)]);
    assert.equal(out.toString(), frame('{"id":1}') + frame('{"id":2}'));
    assert.equal(dropped, 'garbage line\r\n\r\n'.length + 'no header at all\n'.length);
    assert.deepEqual(reasons, ['a message without a valid Content-Length header']);
  });

  it('skips a header block that never ends, without holding it all', async () => {
    const { out, dropped } = await through([Buffer.from('x'.repeat(20_000)), Buffer.from(frame('{"id":3}'))]);
    assert.equal(out.toString(), frame('{"id":3}'));
    assert.equal(dropped, 20_000);
  });

  it('rejects a Content-Length that is not a whole number', async () => {
    const { out } = await through([Buffer.from(`Content-Length: -5\r\n\r\nxx${frame('{"id":4}')}`)]);
    assert.equal(out.toString(), frame('{"id":4}'));
  });
});
