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
