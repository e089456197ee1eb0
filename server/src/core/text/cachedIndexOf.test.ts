import { strict as assert } from 'node:assert';
import { CachedIndexOf } from './cachedIndexOf';

describe('CachedIndexOf', () => {
  it('answers like indexOf for increasing and decreasing offsets', () => {
    const text = 'a[[b[[c';
    const search = new CachedIndexOf(text, '[[');
    for (const offset of [0, 1, 2, 3, 4, 5, 6, 7, 2, 0, 6]) assert.equal(search.from(offset), text.indexOf('[[', offset), String(offset));
  });
});
