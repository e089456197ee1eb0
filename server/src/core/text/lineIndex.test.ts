import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { LineIndex } from './lineIndex';

describe('LineIndex', () => {
  it('counts \\n, \\r\\n and lone \\r as line breaks, as LSP does', () => {
    const index = new LineIndex('a\nbb\r\nccc\rd');
    assert.equal(index.lineCount, 4);
    assert.deepEqual(index.positionAt(0), { line: 0, character: 0 });
    assert.deepEqual(index.positionAt(2), { line: 1, character: 0 });
    assert.deepEqual(index.positionAt(6), { line: 2, character: 0 });
    assert.deepEqual(index.positionAt(10), { line: 3, character: 0 });
    assert.equal(index.lineEnd(1), 4);
  });

  it('never places a position inside a line break', () => {
    const index = new LineIndex('ab\r\ncd');
    // Offset 3 is between \r and \n: it belongs to line 0, at its end.
    assert.deepEqual(index.positionAt(3), { line: 0, character: 2 });
  });

  it('counts characters in UTF-16 code units', () => {
    const index = new LineIndex('😀 Joaquín\nx');
    assert.deepEqual(index.positionAt('😀 Joaquín'.length), { line: 0, character: 10 });
    assert.equal(index.offsetAt({ line: 1, character: 0 }), 11);
  });

  it('clamps offsets and positions outside the document', () => {
    const index = new LineIndex('one\ntwo');
    assert.deepEqual(index.positionAt(-5), { line: 0, character: 0 });
    assert.deepEqual(index.positionAt(99), { line: 1, character: 3 });
    assert.equal(index.offsetAt({ line: 0, character: 99 }), 3);
    assert.equal(index.offsetAt({ line: 7, character: 0 }), 7);
  });

  it('round-trips every offset that is not inside a CRLF pair', () => {
    const text = 'INT. HOUSE\r\n\r\nMARISOL\nHi.\rBye.';
    const index = new LineIndex(text);
    for (let o = 0; o <= text.length; o++) {
      if (text[o - 1] === '\r' && text[o] === '\n') continue;
      assert.equal(index.offsetAt(index.positionAt(o)), o, `offset ${o}`);
    }
  });

  it('updated after any edit, counts lines as an index built afresh (property-based)', () => {
    const piece = fc.constantFrom('\n', '\r', '\r\n', '\n\n', 'a', 'bc', ' ', '😀');
    const text = fc.array(piece, { maxLength: 30 }).map((p) => p.join(''));
    const edit = fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), length: fc.nat(6), insert: text });
    fc.assert(
      fc.property(text, fc.array(edit, { minLength: 1, maxLength: 5 }), (start, edits) => {
        let current = start;
        let index = new LineIndex(current);
        for (const e of edits) {
          const from = Math.floor(e.at * current.length);
          current = current.slice(0, from) + e.insert + current.slice(from + e.length);
          index = LineIndex.updated(index, current);
          const fresh = new LineIndex(current);
          assert.equal(index.lineCount, fresh.lineCount, JSON.stringify(current));
          for (let line = 0; line < fresh.lineCount; line++) assert.equal(index.lineStart(line), fresh.lineStart(line), JSON.stringify(current));
        }
      }),
      { numRuns: 1000 },
    );
  });
});
