import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseFountain } from '../documents/fountain/parseFountain';
import { countWords, scriptFacts } from './facts';

const repoRoot = path.resolve(__dirname, '../../../..');
const saltRoad = readFileSync(path.resolve(repoRoot, '../shared/eval/scripts/salt-road.fountain'), 'utf8');

describe('scriptFacts', () => {
  describe('on The Salt Road', () => {
    const facts = scriptFacts(parseFountain(saltRoad));
    const byName = new Map(facts.characters.map((c) => [c.name, c]));

    it('puts Marisol and Teo first: they speak most, in most scenes', () => {
      assert.deepEqual(facts.characters.slice(0, 2).map((c) => c.name), ['MARISOL', 'TEO']);
      assert.ok((byName.get('MARISOL')?.scenes ?? 0) >= 10);
      assert.ok((byName.get('TEO')?.scenes ?? 0) >= 9);
      assert.ok((byName.get('MARISOL')?.speeches ?? 0) > 10);
    });

    it('counts MARISOL (V.O.) as Marisol', () => {
      assert.equal(byName.has('MARISOL (V.O.)'), false);
      assert.equal(facts.characters.filter((c) => c.name.startsWith('MARISOL')).length, 1);
    });

    it('sees the bus driver and the nurse speak once, in one scene', () => {
      for (const name of ['BUS DRIVER', 'NURSE']) {
        const character = byName.get(name);
        assert.equal(character?.speeches, 1, name);
        assert.equal(character?.scenes, 1, name);
      }
    });

    it('points each character at their first cue', () => {
      const teo = byName.get('TEO');
      assert.ok(teo);
      assert.equal(saltRoad.slice(teo.firstCue.start, teo.firstCue.end), 'TEO');
      assert.ok(teo.firstCue.start < saltRoad.indexOf('The bus didn'));
    });

    it('finds the lighthouse the most frequent setting, counting its rooms', () => {
      assert.equal(facts.scenes.length, 12);
      assert.equal(facts.locations[0].name, 'LIGHTHOUSE');
      assert.equal(facts.locations[0].scenes, 6);
      assert.equal(saltRoad.slice(facts.locations[0].firstHeading.start, facts.locations[0].firstHeading.end), 'INT. LIGHTHOUSE - LAMP ROOM - NIGHT');
      assert.deepEqual(facts.locations.find((l) => l.name === 'LIGHTHOUSE - LAMP ROOM')?.scenes, 2);
      assert.deepEqual(facts.locations.find((l) => l.name === 'SALT ROAD')?.scenes, 3);
    });

    it('describes each scene by heading, location and time of day', () => {
      assert.deepEqual(facts.scenes[0], {
        heading: 'INT. LIGHTHOUSE - LAMP ROOM - NIGHT',
        span: facts.scenes[0].span,
        location: 'LIGHTHOUSE - LAMP ROOM',
        intExt: 'INT',
        timeOfDay: 'NIGHT',
      });
    });

    it('takes the title from the title page', () => {
      assert.equal(facts.title, 'The Salt Road');
    });
  });

  it('counts a scene for a character named in its action, in any case, as a whole word', () => {
    const facts = scriptFacts(
      parseFountain(
        [
          'INT. A - DAY', '', 'TEO', 'Hi.', '',
          'EXT. B - DAY', '', 'Marisol and teo walk.', '', 'MARISOL', 'Hello.', '',
          'EXT. C - DAY', '', 'TEODORA waits. The bus driver honks.', '', 'BUS DRIVER', 'Ride?', '',
          'EXT. D - DAY', '', "Teo's bag lies open.", '',
        ].join('\n'),
      ),
    );
    const scenes = new Map(facts.characters.map((c) => [c.name, c.scenes]));
    assert.equal(scenes.get('TEO'), 3); // speaks in A, named in B and D; "TEODORA" is someone else
    assert.equal(scenes.get('MARISOL'), 1);
    assert.equal(scenes.get('BUS DRIVER'), 1);
  });

  it('finds Cyrillic names in action in any case', () => {
    const facts = scriptFacts(parseFountain('ИНТ. КУХНЯ - ДЕНЬ\n\nМАРИЯ\nПривет.\n\nНАТ. ДВОР - НОЧЬ\n\nмария идёт к воротам.\n'));
    assert.deepEqual(facts.characters.map((c) => [c.name, c.scenes]), [['МАРИЯ', 2]]);
    assert.deepEqual(facts.locations.map((l) => l.name), ['КУХНЯ', 'ДВОР']);
  });

  it('orders characters by speeches, then words', () => {
    const facts = scriptFacts(parseFountain('A\nOne two three.\n\nB\nOne.\n\nB\nTwo.\n\nC\nOne two three four.\n'));
    assert.deepEqual(facts.characters.map((c) => c.name), ['B', 'C', 'A']);
    assert.deepEqual(facts.characters.map((c) => c.words), [2, 4, 3]);
  });

  it('does not count forced shot headings as settings', () => {
    const facts = scriptFacts(parseFountain('INT. HOUSE - DAY\n\n.THE FINGER\n\n.SCOTT\n\n.ROOF - NIGHT\n'));
    assert.equal(facts.scenes.length, 4);
    assert.deepEqual(facts.locations.map((l) => l.name), ['HOUSE', 'ROOF']);
  });
});

describe('countWords', () => {
  it("counts words as a reader would: contractions and hyphenations are one", () => {
    assert.equal(countWords("It's twenty kilometres, Mari."), 4);
    assert.equal(countWords('A well-known -- story...'), 3);
    assert.equal(countWords('Сит хабео еррорибус.'), 3);
    assert.equal(countWords(''), 0);
  });

  it('finds a key element in any case, even written with the long s or the Kelvin sign', () => {
    // Case-insensitive matching folds ſ to s and K (Kelvin) to k: the quick look before the
    // whole-word search must not miss those.
    const text = 'INT. VAULT - NIGHT\n\nHe opens the SAFE. The KEY turns.\n\nEXT. YARD - DAY\n\nThe ſafe is empty. The \u212aey is gone.\n';
    const names = scriptFacts(parseFountain(text)).elements!.map((e) => [e.name, e.scenes]);
    assert.deepEqual(names.sort(), [['KEY', 2], ['SAFE', 2]]);
  });
});
