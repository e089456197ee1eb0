import { strict as assert } from 'node:assert';
import { assertDisclose, assertNoFinding, lintNote } from '../rules/testing';

describe('AI-use annotations', () => {
  it('recognises explicit markers, configurable', () => {
    const f = lintNote('GenAI: storm plates for the roof, mood board only');
    assert.equal(f.length, 1);
    assert.ok(f[0].evidence.some((e) => e.kind === 'marker' && e.text === 'GenAI:'));
    assertDisclose('AI - background stars for the roof wide, far distance');
    assertNoFinding('SYNTH: background stars, mood board', {});
    assertDisclose('SYNTH: background stars, mood board', { markers: ['SYNTH'] });
  });

  it('recognises uses without a marker: tools, techniques, AI as a tool', () => {
    assertDisclose('Used Midjourney for pitch deck images only');
    assertDisclose('AI-assisted rotoscoping of the wire removal on the roof');
    assertDisclose('Generated gulls in the far background, nobody notices');
    assert.equal(lintNote('Voice clone of Pedro Alves for the pickups')[0].outcome, 'approval-required');
  });

  it('reads a tool whose name is also a word by how it is used', () => {
    // Handed material, told to make something, named in brackets after what it made, after an arrow.
    for (const note of ["if legal doesn't object we'll Kling the siege extras as well", 'THE BISCUIT driving shots: Veo instead of a process trailer. final.', 'upload the unreleased cut to the Pika phone app for teaser loops', 'no footage of the summit push, Veo it in a 16mm look and cut it in', 'Reference images for the fish at scale (Firefly) for the animatronics shop', 'Grabbed frames from two heist films and dropped them into Runway as style refs', 'rewrite pass on the bridge scenes - run them thru claude to sharpen the dialogue', 'Upscaled and extended with Topaz/Runway for the opening', 'Dial up the grief w/ a Flawless performance edit', 'Draft letters to Claude so it writes the narration', 'Have Firefly redraw the crest for the life rings', 'Harbour plate 100% gen (Kling), final', 'Script PDF -> Gemini on my personal account for a breakdown', 'Dailies to the public Sora feed to test a look']) {
      assert.equal(lintNote(note).length, 1, note);
    }
    // A person by department or role, a place, an adjective.
    for (const note of ["Midjourney? no. Sera's armor is drawn by Oskar and built by the armorer", "Panel invite: 'AI and the documentary' at Hot Docs, Ilse to decide", 'Ai Tanabe (2nd unit DP) off Friday, Kasia covers', 'Pika (camp dog) needs her trainer on set days 4-6', 'Gemini Lodge booked for the recce, 4 rooms', 'generate more tension here, June should hesitate before she answers', 'Ask Claude (the caterer, not the chatbot) whether the cheese course can move', 'Second unit charter lands on the Helena runway at 06:00', 'Decided against a synthetic voice for the ship; the actor records every line', 'Scrapped the idea of cloning Fergus\'s voice, he is in for ADR on the 20th', 'Claude in props wants the list by Friday', 'Gemini Ortiz (researcher) confirming the dates', 'Runway at the old airfield is free on the 12th', 'Flawless take on 14C, print it']) {
      assertNoFinding(note);
    }
  });

  it('does not read negated or topical mentions of AI as a use', () => {
    assertNoFinding('We are not using any AI on this scene');
    assertNoFinding('No AI anywhere on this episode, per the showrunner');
    assertNoFinding('Email from the AI ethics board about next season, nothing to do now');
    assertNoFinding('Read the union guidance on artificial intelligence before the meeting');
    assertNoFinding('GenAI: none in this scene');
  });

  it('does not read other generators or generated paperwork as AI', () => {
    assertNoFinding('Rent a generator for the night shoot at the observatory');
    assertNoFinding('Movie Magic generates the call sheet from the schedule');
    assertNoFinding('Generate a new PDF of the sides for tomorrow');
    assertNoFinding('We shot the storm practically, nothing generated');
  });
});
