import { assertFlags, assertNotCategory } from './testing';

describe('rule personal-data', () => {
  it('flags personal data of cast, crew and real people going into a tool', () => {
    assertFlags('Upload the crew list with phone numbers to the AI scheduling bot', ['personal-data']);
    assertFlags('GenAI: use the extras\' headshots to generate the crowd faces', ['personal-data']);
    assertFlags('Feed the actor\'s medical forms into ChatGPT for a prop chart', ['personal-data']);
  });

  it('keeps the category for temporary work', () => {
    assertFlags('Train a voice model on the cast\'s self-tapes for temp ADR', ['personal-data']);
  });

  it('does not flag generated material with no personal data going in', () => {
    assertNotCategory('GenAI: generate a fake ID card prop for the courier', 'personal-data');
  });
});
