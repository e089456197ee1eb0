import { assertFlags, assertNotCategory } from './testing';

describe('rule third-party-ip', () => {
  it('flags named styles, films and brands used as prompt or reference', () => {
    assertFlags('GenAI: night sky in the style of Van Gogh', ['third-party-ip']);
    assertFlags('Feed frames from Interstellar into the model for the dome look', ['third-party-ip']);
    assertFlags('AI title card imitating the NASA logo', ['third-party-ip']);
    assertFlags('Fine-tune a model on an illustrator\'s portfolio to match her look', ['third-party-ip']);
  });

  it('keeps the category for a mood board: prompts that reference someone else\'s work need clearance', () => {
    assertFlags('AI mood board of stills from Contact as reference', ['third-party-ip']);
  });

  it('does not see a work in a fictional name or a real person\'s likeness', () => {
    assertNotCategory('Clone Pedro Alves\'s voice with ElevenLabs for the pickups', 'third-party-ip');
    assertNotCategory('GenAI: generate photorealistic CCTV footage of the dome at night', 'third-party-ip');
  });
});
