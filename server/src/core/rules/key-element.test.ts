import { assertDisclose, assertFlags, assertNotCategory } from './testing';

describe('rule key-element', () => {
  it('flags hero props, creatures, signature effects and central settings', () => {
    assertFlags('GenAI: design the hero telescope and render it for every dome shot', ['key-element']);
    assertFlags('The comet creature will be generated with Midjourney', ['key-element']);
    assertFlags('Whole observatory exterior AI-generated, no location', ['key-element']);
  });

  it('knows central settings from the screenplay, and not places seen once', () => {
    assertNotCategory('GenAI: generate the market stalls for the wide', 'key-element');
  });

  it('does not read a person named after a place as the place', () => {
    assertNotCategory('AI: generate a photo of the observatory keeper from 1950', 'key-element');
  });

  it('is taken away by a low-risk scope', () => {
    assertDisclose('AI concept art of the observatory for the art department');
  });
});
