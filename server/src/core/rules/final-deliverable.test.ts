import { strict as assert } from 'node:assert';
import { assertDisclose, assertFlags, assertNotCategory } from './testing';

describe('rule final-deliverable', () => {
  it('flags generated material meant to stay in the deliverables', () => {
    assertFlags('GenAI: sky replacement on all roof shots, final deliverable', ['final-deliverable']);
    assertFlags('GenAI comet plates, final.', ['final-deliverable']);
    assertFlags('AI-generated aurora, this stays in the cut', ['final-deliverable']);
    assertFlags('Generated star field used in the finished film', ['final-deliverable']);
  });

  it('overrides a low-risk scope: temporary work that ends up final is final', () => {
    assertFlags('Temp AI comp of the dome that will also be used in the final cut', ['final-deliverable']);
  });

  it('does not read an order of scenes or takes as a deliverable', () => {
    assertNotCategory('AI to alter the actor\'s performance in the final take', 'final-deliverable');
    assertDisclose('AI star field, temp until final VFX');
  });
});

describe('rule final-deliverable: a generated element not said to be temporary', () => {
  it('is read as meant for the production (guiding principle 4 unsure escalates)', () => {
    const f = assertFlags('GenAI: generate the comet streak over the roof', ['final-deliverable']);
    assert.deepEqual(f.categories, ['final-deliverable']);
  });

  it('is read as imagery that could pass as real in a documentary', () => {
    assertFlags('AI: our camera died in the storm, generate the waves over the harbour wall', ['documentary-imagery'], { productionType: 'documentary' });
  });

  it('is read as that element when it names a central setting', () => {
    assertFlags('GenAI: the observatory at night for the act-out', ['key-element']);
  });

  it('stays a disclosure when the note says how little it is', () => {
    assertDisclose('Generated gulls way off behind the dome, nobody will clock them');
    assertDisclose('Midjourney refs of 1950s telescopes for the art department only');
    assertDisclose('Checked the star names with an AI assistant, kept our own lines');
  });
});
