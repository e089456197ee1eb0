import { assertDisclose, assertFlags, assertNotCategory } from './testing';

describe('rule documentary-imagery', () => {
  it('flags material that could pass for a record of real events', () => {
    assertFlags('GenAI: archival photo of the 1961 eclipse expedition, presented as real', ['documentary-imagery']);
    assertFlags('AI-generated TV news segment about the real observatory fire', ['documentary-imagery']);
    assertFlags('Generate photoreal security camera footage of the break-in', ['documentary-imagery']);
    assertFlags('AI: fill in the missing corner of the historical photo of the founders', ['documentary-imagery']);
  });

  it('treats any generated picture or voice in a documentary as something an audience may take for real', () => {
    assertFlags('AI: generate a portrait of the founder for the interview section', ['documentary-imagery'], { productionType: 'documentary' });
    assertNotCategory('AI: generate a portrait of the founder for the interview section', 'documentary-imagery', { productionType: 'scripted' });
    // A real person's likeness, generated in a documentary, passes for a record of them.
    assertFlags('Clone the voice of Walt Brzezinski for the pickups', ['talent-likeness', 'documentary-imagery'], { productionType: 'documentary' });
    // The main characters of a documentary are the real people it is about.
    assertFlags('GenAI: make a synthetic Rosa from the earlier interviews for the walk', ['main-character', 'talent-likeness', 'documentary-imagery'], { productionType: 'documentary' });
  });

  it('is taken away by a low-risk scope', () => {
    assertDisclose('AI mock-up of a newspaper front page for the pitch deck');
  });
});
