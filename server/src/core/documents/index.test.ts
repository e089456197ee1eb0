import { strict as assert } from 'node:assert';
import { documentKindForPath, readDocument, scriptFactsOf } from './index';

describe('documentKindForPath', () => {
  it('knows screenplays and notes files by extension, in any case', () => {
    assert.equal(documentKindForPath('scripts/salt-road.fountain'), 'fountain');
    assert.equal(documentKindForPath('draft.SPMD'), 'fountain');
    assert.equal(documentKindForPath('C:\\work\\Salt Road.fdx'), 'fdx');
    assert.equal(documentKindForPath('notes/vfx.md'), 'markdown');
    assert.equal(documentKindForPath('README.markdown'), 'markdown');
    assert.equal(documentKindForPath('call-sheet.txt'), 'plaintext');
    assert.equal(documentKindForPath('call-sheet.text'), 'plaintext');
  });

  it('has no kind for other files', () => {
    for (const path of ['budget.xlsx', 'Makefile', 'notes.md/extra', '.fountain/readme', 'archive.fountain.zip']) {
      assert.equal(documentKindForPath(path), undefined, path);
    }
  });
});

describe('readDocument', () => {
  it('reads each kind with its reader', () => {
    assert.equal(readDocument('fountain', 'INT. A - DAY\n\nTEO\nHi.\n').script?.characters[0].name, 'TEO');
    assert.equal(readDocument('fdx', '<FinalDraft><Content><Paragraph Type="Character"><Text>TEO</Text></Paragraph></Content></FinalDraft>').script?.characters[0].name, 'TEO');
    assert.deepEqual(readDocument('markdown', '- AI: previs\n').notes.map((n) => n.kind), ['list-item']);
    assert.deepEqual(readDocument('plaintext', 'AI: previs\n').notes.map((n) => n.kind), ['paragraph']);
  });

  it('gives script facts for screenplays only', () => {
    assert.ok(scriptFactsOf(readDocument('fountain', 'INT. A - DAY\n')));
    assert.equal(scriptFactsOf(readDocument('markdown', '# INT. A - DAY\n')), undefined);
  });
});
