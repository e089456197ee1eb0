import { strict as assert } from 'node:assert';
import { Production } from '../workspace';

// A screenplay where ROSA is main (she speaks in both scenes) and a note about her voice.
const SCRIPT = [
  'INT. KITCHEN - DAY',
  '',
  'ROSA',
  'Salt.',
  '',
  'ROSA',
  'More salt.',
  '',
  'INT. GARDEN - NIGHT',
  '',
  'ROSA',
  'Quiet now.',
  '',
  'BEN',
  'Fine.',
  '',
  "[[GenAI: synthesize Rosa's voice for the pickups]]",
  '',
].join('\n');

/** The text each finding's located evidence points at, with its description. */
function locatedEvidence(production: Production, p: string): [string, string][] {
  const text = production.text(p)!;
  return production.analyze(p).flatMap((f) => f.evidence.filter((e) => e.location).map((e): [string, string] => [text.slice(e.location!.span.start, e.location!.span.end), e.text]));
}

describe('classifyNote cache', () => {
  // Classifications are cached by the note's words and the names in its context; the reasons
  // and places behind those names move as the screenplay is edited above the note.
  it('points a cached classification at where the main character is now, with the current count', () => {
    const production = new Production();
    production.setFile('/p/script.fountain', SCRIPT);
    const before = locatedEvidence(production, '/p/script.fountain');
    assert.ok(before.length > 0, 'the note names the main character');
    for (const [at, why] of before) assert.deepEqual([at, why], ['ROSA', 'ROSA: speaks 3 times in 2 scenes']);

    // Lines inserted above her first cue, and one more speech of hers: same names, same note.
    const edited = SCRIPT.replace('INT. KITCHEN - DAY\n', 'INT. KITCHEN - DAY\n\nSteam everywhere.\n\nROSA\nAgain.\n');
    production.setFile('/p/script.fountain', edited);
    const after = locatedEvidence(production, '/p/script.fountain');
    assert.equal(after.length, before.length);
    for (const [at, why] of after) assert.deepEqual([at, why], ['ROSA', 'ROSA: speaks 4 times in 2 scenes']);
    const first = edited.indexOf('ROSA');
    for (const finding of production.analyze('/p/script.fountain')) {
      for (const e of finding.evidence.filter((x) => x.location)) assert.equal(e.location!.span.start, first);
    }
  });
});
