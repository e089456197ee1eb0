import { strict as assert } from 'node:assert';
import { readFountain } from './readFountain';
import { documentViolations } from '../invariants';

const script = [
  'Title: _**The Salt Road**_',
  '',
  '# ACT ONE',
  '',
  '= Marisol keeps the light. [[AI: temp score from a generator]]',
  '',
  'INT. LIGHTHOUSE - LAMP ROOM - NIGHT',
  '',
  'The lens turns. An AI-generated sky glows outside.',
  '',
  'MARISOL',
  'We could generate the whole storm. [[GenAI: de-age Marisol',
  'for the flashback]]',
  '',
  '/* EXT. CUT - DAY',
  'Gone. */',
  '',
  '## The storm ##',
  '',
  'TEO',
  'Use AI for it.',
  '',
].join('\n');

describe('readFountain', () => {
  const doc = readFountain(script);

  it('takes only notes, boneyard, sections and synopses as notes, never story', () => {
    assert.deepEqual(
      doc.notes.map((n) => [n.kind, n.text]),
      [
        ['section', 'ACT ONE'],
        ['synopsis', 'Marisol keeps the light.'],
        ['note', 'AI: temp score from a generator'],
        ['note', 'GenAI: de-age Marisol\nfor the flashback'],
        ['boneyard', 'EXT. CUT - DAY\nGone.'],
        ['section', 'The storm'],
      ],
    );
    // Action and dialogue that talk about AI are story, not notes.
    assert.ok(doc.notes.every((n) => !n.text.includes('AI-generated sky') && !n.text.includes('Use AI')));
  });

  it('keeps every note text equal to its slice, spans including the delimiters', () => {
    assert.deepEqual(documentViolations(doc), []);
    const note = doc.notes[3];
    assert.equal(script.slice(note.span.start, note.span.end), '[[GenAI: de-age Marisol\nfor the flashback]]');
    const section = doc.notes[0];
    assert.equal(script.slice(section.span.start, section.span.end), '# ACT ONE');
  });

  it('gives each note the nearest scene heading or section above it', () => {
    assert.deepEqual(
      doc.notes.map((n) => n.context),
      [undefined, 'ACT ONE', 'ACT ONE', 'INT. LIGHTHOUSE - LAMP ROOM - NIGHT', 'INT. LIGHTHOUSE - LAMP ROOM - NIGHT', 'INT. LIGHTHOUSE - LAMP ROOM - NIGHT'],
    );
  });

  it('takes the title from the title page without emphasis', () => {
    assert.equal(doc.title, 'The Salt Road');
    assert.equal(doc.script?.title, 'The Salt Road');
  });

  it('counts the characters and scenes the script shows', () => {
    assert.deepEqual(doc.script?.characters.map((c) => [c.name, c.speeches]), [
      ['MARISOL', 1],
      ['TEO', 1],
    ]);
    assert.equal(doc.script?.scenes.length, 1);
  });

  it('has no problems on a well-formed script', () => {
    assert.deepEqual(doc.problems, []);
  });

  it('splits a section line around an inline note so notes never overlap', () => {
    const text = '# Act [[AI: previs]] One\n';
    const notes = readFountain(text).notes;
    assert.deepEqual(notes.map((n) => [n.kind, n.text]), [
      ['section', 'Act'],
      ['note', 'AI: previs'],
    ]);
    assert.deepEqual(documentViolations(readFountain(text)), []);
  });

  it('reads an empty note and an empty document without trouble', () => {
    assert.deepEqual(readFountain('[[]]').notes.map((n) => [n.kind, n.text, n.span]), [['note', '', { start: 0, end: 4 }]]);
    assert.deepEqual(readFountain('').notes, []);
  });
});
