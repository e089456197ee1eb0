import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { readFountain } from '../documents/fountain/readFountain';
import { scriptCast } from './cast';

const shared = path.resolve(__dirname, '../../../../../shared');

describe('scriptCast', () => {
  const saltRoad = readFountain(readFileSync(path.join(shared, 'eval/scripts/salt-road.fountain'), 'utf8'));

  it('makes the two characters who carry the dialogue main, and not the one-line parts', () => {
    const cast = scriptCast(saltRoad.script, 'salt-road.fountain');
    assert.deepEqual(cast.main.map((c) => c.name).sort(), ['MARISOL', 'TEO']);
    assert.ok(cast.minor.includes('BUS DRIVER'));
    assert.ok(cast.minor.includes('NURSE'));
    assert.match(cast.main[0].reason, /^speaks \d+ times in \d+ scenes$/);
    assert.equal(cast.main[0].location?.path, 'salt-road.fountain');
  });

  it('finds the places the story keeps returning to', () => {
    const names = scriptCast(saltRoad.script, undefined).settings.map((s) => s.name);
    assert.ok(names.includes('LIGHTHOUSE'), names.join(', '));
    assert.ok(names.includes('SALT ROAD'), names.join(', '));
    assert.ok(!names.includes('CLINIC'));
    assert.ok(!names.includes('BUS'));
  });

  it('lets the production config name the main characters and settings instead', () => {
    const cast = scriptCast(saltRoad.script, undefined, { mainCharacters: ['nurse'], centralSettings: ['clinic'] });
    assert.deepEqual(cast.main.map((c) => c.name), ['NURSE']);
    assert.ok(cast.minor.includes('MARISOL'));
    assert.deepEqual(cast.settings.map((s) => s.name), ['CLINIC']);
    assert.match(cast.main[0].reason, /config/);
  });

  it('has no main characters or settings without a screenplay', () => {
    assert.deepEqual(scriptCast(undefined, undefined), { main: [], minor: [], settings: [], elements: [] });
  });
});
