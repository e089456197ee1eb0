import { strict as assert } from 'node:assert';
import { noteOffset, noteSpanOf } from './noteOffset';
import type { NoteSpan } from '../types';

describe('noteOffset / noteSpanOf', () => {
  it('shifts by the text start when the note text is a verbatim slice', () => {
    const note: NoteSpan = { kind: 'note', span: { start: 10, end: 24 }, textSpan: { start: 12, end: 22 }, text: 'AI: de-age' };
    assert.equal(noteOffset(note, 4), 16);
    assert.deepEqual(noteSpanOf(note, 4, 10), { start: 16, end: 22 });
  });

  it('follows the text map across decoded entities and joined runs', () => {
    // Document: <Text>Tom &amp; Ana</Text><Text>!</Text>   (offsets: "Tom " at 6, "&amp;" at 10, " Ana" at 15, "!" at 32)
    const doc = '<Text>Tom &amp; Ana</Text><Text>!</Text>';
    const note: NoteSpan = {
      kind: 'note',
      span: { start: 0, end: doc.length },
      textSpan: { start: 6, end: 33 },
      text: 'Tom & Ana!',
      textMap: [
        { at: 0, length: 4, span: { start: 6, end: 10 } },
        { at: 4, length: 1, span: { start: 10, end: 15 } },
        { at: 5, length: 4, span: { start: 15, end: 19 } },
        { at: 9, length: 1, span: { start: 32, end: 33 } },
      ],
    };
    const slice = (s: number, e: number) => {
      const span = noteSpanOf(note, s, e);
      return doc.slice(span.start, span.end);
    };
    assert.equal(slice(0, 3), 'Tom');
    assert.equal(slice(4, 5), '&amp;');
    assert.equal(slice(6, 9), 'Ana');
    assert.equal(slice(9, 10), '!');
    assert.equal(noteOffset(note, 10), 33);
  });
});
