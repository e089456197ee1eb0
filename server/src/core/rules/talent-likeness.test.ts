import { strict as assert } from 'node:assert';
import { assertDisclose, assertFlags, assertNotCategory } from './testing';

describe('rule talent-likeness', () => {
  it('flags replicas, de-ageing, swaps and clones of real people', () => {
    assertFlags('GenAI: de-age Hana Sato by twenty years for the prologue', ['talent-likeness']);
    assertFlags('Voice clone of Pedro Alves for the lines we lost', ['talent-likeness']);
    assertFlags('Face swap the lead actress onto the stunt performer', ['talent-likeness']);
    assertFlags('AI: digital replica of the actor playing the courier', ['talent-likeness']);
    assertFlags('GenAI lip-sync so the actor appears to say the new line', ['talent-likeness']);
    assertFlags('AI to rework the actress\'s performance so the scene reads colder', ['talent-likeness']);
  });

  it('takes a first and last name right before a face or a voice for a real person', () => {
    const f = assertFlags('ADR: synthesise Declan Foyle\'s voice for the lines he cannot make', ['talent-likeness']);
    assert.ok(f.evidence.some((e) => e.kind === 'real-person' && /Declan Foyle/.test(e.text)), JSON.stringify(f.evidence));
    assertNotCategory('ADR: synthesise the Harbour Master\'s lines for the tannoy', 'talent-likeness');
  });

  it('reads cast entries from the config as real people', () => {
    const f = assertFlags('GenAI: generate Mira Kovac\'s face for the wide', ['talent-likeness'], { cast: [{ name: 'Mira Kovac', role: 'ROSA' }] });
    assert.ok(f.evidence.some((e) => e.kind === 'real-person' && /Mira Kovac: cast, plays ROSA/.test(e.text)));
  });

  it('keeps the category even for temporary work when a real person\'s likeness is used', () => {
    assertFlags('Train a voice model on the cast\'s audition tapes for temp lines', ['talent-likeness']);
  });

  it('does not see a likeness where no real person or likeness technique is involved', () => {
    assertNotCategory('AI poster art that looks like a Wes Anderson frame', 'talent-likeness');
    assertDisclose('Temp AI voice for the animatic, to be replaced by the actor');
  });
});
