import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { textChange } from './textDiff';

describe('textChange', () => {
  it('is undefined for equal texts', () => {
    assert.equal(textChange('abc', 'abc'), undefined);
  });

  it('finds one keystroke in a long text', () => {
    const text = 'INT. LIGHTHOUSE - NIGHT\n\nMarisol climbs.\n\n'.repeat(4000);
    const at = text.length / 2 + 3;
    assert.deepEqual(textChange(text, text.slice(0, at) + 'x' + text.slice(at)), { start: at, beforeEnd: at, afterEnd: at + 1 });
  });

  it('gives the smallest range that turns one text into the other (property-based)', () => {
    const part = fc.oneof(fc.string({ maxLength: 5 }), fc.constantFrom('a'.repeat(300), 'ab'.repeat(700), '\n\n'));
    const text = fc.array(part, { maxLength: 12 }).map((p) => p.join(''));
    fc.assert(
      fc.property(text, text, text, text, (common, before, after, tail) => {
        const b = common + before + tail;
        const a = common + after + tail;
        const change = textChange(b, a);
        if (b === a) return assert.equal(change, undefined);
        assert.ok(change);
        assert.equal(b.slice(0, change.start) + a.slice(change.start, change.afterEnd) + b.slice(change.beforeEnd), a);
        assert.ok(change.start <= change.beforeEnd && change.start <= change.afterEnd);
        assert.ok(change.start >= common.length || b[change.start] !== a[change.start] || change.start === Math.min(b.length, a.length));
        assert.ok(b.length - change.beforeEnd >= 0 && a.length - change.afterEnd === b.length - change.beforeEnd);
      }),
      { numRuns: 500 },
    );
  });
});
