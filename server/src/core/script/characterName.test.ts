import { strict as assert } from 'node:assert';
import { canonicalCharacterName, splitCue } from './characterName';

describe('canonicalCharacterName', () => {
  it('reduces every way of cueing a character to one name', () => {
    for (const cue of ['MARISOL', 'MARISOL (V.O.)', "Marisol (cont'd)", '@Marisol', 'MARISOL ^', '  MARISOL   (O.S.) ']) {
      assert.equal(canonicalCharacterName(cue), 'MARISOL', cue);
    }
    assert.equal(canonicalCharacterName('BUS  DRIVER'), 'BUS DRIVER');
    assert.equal(canonicalCharacterName('маша'), 'МАША');
  });

  it('keeps the extension as written and notes dual and forced cues', () => {
    assert.deepEqual(splitCue("@McCLANE (V.O.) ^"), { name: 'MCCLANE', extension: '(V.O.)', dual: true, forced: true });
  });
});
