import { strict as assert } from 'node:assert';
import { assertDisclose, assertFlags, assertNotCategory, lintNote } from './testing';

describe('rule main-character', () => {
  it('flags generated or altered main characters, as the screenplay defines them', () => {
    assertFlags('GenAI: generate a full-body Rosa for the rooftop wide', ['main-character']);
    assertFlags("AI: Ivan's voice for the dome scene will be synthesized", ['main-character']);
    assertFlags('Use Runway to make Ivan look older in the last scene', ['main-character']);
    assertFlags('AI-generated ROSA in the observatory mirror shot', ['main-character']);
    assertFlags('GenAI pass on Rosa\'s costume and hair in every dome shot', ['main-character']);
  });

  it('points at the screenplay line that makes the character main', () => {
    const f = assertFlags('GenAI: replace Rosa\'s face in the rooftop wide', ['main-character']);
    const evidence = f.evidence.find((e) => e.kind === 'main-character');
    assert.ok(evidence, 'evidence names the character');
    assert.match(evidence.text, /^ROSA: speaks \d+ times in \d+ scenes$/);
    assert.ok(evidence.location, 'evidence has the first cue');
  });

  it('does not count a one-line character', () => {
    assertNotCategory('GenAI: generate the courier for the market wide', 'main-character');
  });

  it('does not count a main character named under negation', () => {
    assertDisclose('GenAI: mood board of the dome, do NOT generate Rosa herself');
  });

  it('uses the config when it names the main characters', () => {
    assertFlags('GenAI: generate the courier for the market wide', ['main-character'], { mainCharacters: ['COURIER'] });
    const findings = lintNote('GenAI: generate Rosa for the wide', { mainCharacters: ['COURIER'] });
    assert.ok(findings.every((f) => !f.categories.includes('main-character')));
  });

  it('is taken away by a low-risk scope', () => {
    assertDisclose('AI previs of Rosa climbing the dome, for the stunt team only');
  });
});
