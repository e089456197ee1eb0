import { assertDisclose, assertFlags } from '../rules/testing';

describe('low-risk scope', () => {
  it('turns screen uses into disclosures: ideation, off screen, temporary, background, assistance', () => {
    assertDisclose('GenAI: mood board for the observatory palette');
    assertDisclose('AI storyboards for the market scene, internal use');
    assertDisclose('Temp AI sky on the roof plates until VFX delivers');
    assertDisclose('GenAI: generate the courier\'s face for a blurred background shot');
    assertDisclose('AI noise reduction on the dome interviews');
  });

  it('does not lower risk when the note also says final or in the cut', () => {
    assertFlags('Temp AI comet that stays in the cut', ['final-deliverable']);
  });

  it('does not lower risk for real likeness, personal data, production data or third-party material', () => {
    assertFlags('AI previs using a scan of the lead actor\'s face', ['talent-likeness']);
    assertFlags('AI mood board built from stills from Interstellar', ['third-party-ip']);
    assertFlags('Temp breakdown: paste the whole script into a free chatbot', ['data-handling']);
  });
});
