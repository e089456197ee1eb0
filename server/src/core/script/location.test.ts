import { strict as assert } from 'node:assert';
import { headingParts, locationAndParents } from './location';

describe('headingParts', () => {
  const cases: [string, string, string | undefined, string | undefined][] = [
    ['INT. LIGHTHOUSE - LAMP ROOM - NIGHT', 'LIGHTHOUSE - LAMP ROOM', 'INT', 'NIGHT'],
    ['ext. salt road - dawn', 'SALT ROAD', 'EXT', 'DAWN'],
    ['INT./EXT. CAR - MOVING - NIGHT (FLASHBACK)', 'CAR - MOVING', 'INT/EXT', 'NIGHT (FLASHBACK)'],
    ['I/E BUS - DAY', 'BUS', 'INT/EXT', 'DAY'],
    ['EST. CITY -- DUSK', 'CITY', 'EST', 'DUSK'],
    ['EXT. LIBRARY--DAY', 'LIBRARY', 'EXT', 'DAY'],
    ['INT. HALLWAY, SCOTT\'S BUILDING, A MOMENT LATER', "HALLWAY, SCOTT'S BUILDING", 'INT', 'A MOMENT LATER'],
    ['INT SCOTT\'S APARTMENT, SAME TIME', "SCOTT'S APARTMENT", 'INT', 'SAME TIME'],
    ['INT. BAXTER\'S APARTMENT, LATER THAT EVENING', "BAXTER'S APARTMENT", 'INT', 'LATER THAT EVENING'],
    ['INT. KITCHEN - CONTINUOUS', 'KITCHEN', 'INT', 'CONTINUOUS'],
    ['INT. KITCHEN - MOMENTS LATER', 'KITCHEN', 'INT', 'MOMENTS LATER'],
    ['INT. HOUSE - DAY - 1987', 'HOUSE', 'INT', 'DAY - 1987'],
    ['ИНТ. КВАРТИРА МАШИ – КУХНЯ – ДЕНЬ', 'КВАРТИРА МАШИ - КУХНЯ', 'INT', 'ДЕНЬ'],
    ['INT. DAY CARE CENTER - NIGHT', 'DAY CARE CENTER', 'INT', 'NIGHT'],
    ['SNIPER SCOPE POV', 'SNIPER SCOPE POV', undefined, undefined],
  ];
  for (const [heading, location, intExt, timeOfDay] of cases) {
    it(`reads "${heading}" as set in ${location}`, () => {
      const parts = headingParts(heading);
      assert.equal(parts.location, location);
      assert.equal(parts.intExt, intExt);
      assert.equal(parts.timeOfDay, timeOfDay);
    });
  }

  it('keeps a heading that is nothing but a time of day', () => {
    assert.equal(headingParts('NIGHT').location, 'NIGHT');
  });
});

describe('locationAndParents', () => {
  it('lists the place and every place it is part of', () => {
    assert.deepEqual(locationAndParents('LIGHTHOUSE - LAMP ROOM'), ['LIGHTHOUSE', 'LIGHTHOUSE - LAMP ROOM']);
    assert.deepEqual(locationAndParents("HALLWAY, SCOTT'S BUILDING"), ["HALLWAY, SCOTT'S BUILDING"]);
  });
});
