// Real public screenplays and production notes (../shared/corpus, read in place): each one reads
// without a throw or an error, and the structure found is the structure the file shows.
import { strict as assert } from 'node:assert';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { documentKindForPath, readDocument } from './index';
import { documentViolations } from './invariants';
import type { ProductionDocument } from '../types';

const repoRoot = path.resolve(__dirname, '../../../..');
const corpus = path.resolve(repoRoot, '../shared/corpus');

function corpusFiles(): string[] {
  return readdirSync(corpus, { recursive: true, encoding: 'utf8' })
    .filter((file) => documentKindForPath(file) !== undefined)
    .sort();
}

function read(file: string): ProductionDocument {
  const full = path.join(corpus, file);
  const kind = documentKindForPath(full);
  assert.ok(kind, file);
  return readDocument(kind, readFileSync(full, 'utf8'));
}

function find(suffix: string): ProductionDocument {
  const file = corpusFiles().find((f) => f.endsWith(suffix));
  assert.ok(file, `corpus file *${suffix} is missing`);
  return read(file);
}

function topCharacters(doc: ProductionDocument, count: number): string[] {
  return (doc.script?.characters ?? []).slice(0, count).map((c) => c.name);
}

describe('the corpus', () => {
  it('has screenplays and notes files to read', () => {
    const kinds = new Set(corpusFiles().map((f) => documentKindForPath(f)));
    assert.ok(kinds.has('fountain') && kinds.has('fdx') && kinds.has('markdown'), [...kinds].join());
  });

  for (const file of corpusFiles()) {
    it(`reads ${file} soundly, without errors`, () => {
      const doc = read(file);
      assert.deepEqual(doc.problems.filter((p) => p.severity === 'error'), []);
      assert.deepEqual(documentViolations(doc), []);
      if (doc.kind === 'fountain' || doc.kind === 'fdx') {
        assert.ok((doc.script?.scenes.length ?? 0) > 0, 'has scenes');
        assert.ok((doc.script?.characters.length ?? 0) > 0, 'has speaking characters');
      }
    });
  }

  describe('Brick & Steel (Fountain)', () => {
    const doc = find('Brick-and-Steel.fountain');
    it('has the eight scene headings the file shows, two of them forced', () => {
      assert.deepEqual(doc.script?.scenes.map((s) => s.heading), [
        "EXT. BRICK'S PATIO - DAY",
        'INT. TRAILER HOME - DAY',
        "EXT. BRICK'S POOL - DAY",
        'SNIPER SCOPE POV',
        'OPENING TITLES',
        'EXT. WOODEN SHACK - DAY',
        'INT. GARAGE - DAY',
        'EXT. PALATIAL MANSION - DAY',
      ]);
    });
    it('has Steel and Brick as its leads, ahead of Cognito', () => {
      assert.deepEqual(topCharacters(doc, 3), ['STEEL', 'BRICK', 'COGNITO']);
    });
    it('has the title from its two-line title', () => {
      assert.equal(doc.title, 'BRICK & STEEL FULL RETIRED');
    });
    it('has no production notes', () => {
      assert.deepEqual(doc.notes, []);
    });
  });

  describe('The Last Birthday Card (Fountain)', () => {
    const doc = find('The-Last-Birthday-Card.fountain');
    it('has 48 scene headings and Scott, Baxter and Nak as its leads', () => {
      assert.equal(doc.script?.scenes.length, 48);
      assert.deepEqual(topCharacters(doc, 3), ['SCOTT', 'BAXTER', 'NAK']);
    });
    it('reads its acts and sequences as sections and its synopses as synopses', () => {
      const sections = doc.notes.filter((n) => n.kind === 'section');
      assert.equal(sections[0].text, 'ACT I');
      assert.ok(sections.some((s) => s.text === 'Scott and Nak Meet on the Job'));
      assert.equal(doc.notes.filter((n) => n.kind === 'synopsis').length, 7);
      assert.ok(doc.notes.every((n) => n.kind === 'section' || n.kind === 'synopsis'));
    });
  });

  describe('The Library Freak-Out (Fountain, a note under the title page)', () => {
    const doc = find('THE_LIBRARY_FREAK-OUT.fountain');
    it('keeps the title page note as a note and finds Chalf the lead', () => {
      assert.deepEqual(doc.notes.map((n) => n.kind), ['note']);
      assert.match(doc.notes[0].text, /^URL to search/);
      assert.equal(topCharacters(doc, 1)[0], 'CHALF');
      assert.equal(doc.script?.locations[0].name, 'LIBRARY');
    });
  });

  describe('the Cyrillic test script', () => {
    const doc = find('cyrillic.fountain');
    it('reads Cyrillic headings and cues', () => {
      assert.equal(doc.title, 'Лорем ипсум');
      assert.equal(doc.script?.scenes.length, 2);
      assert.equal(doc.script?.locations[0].name, 'КВАРТИРА МАШИ');
      assert.equal(doc.script?.characters.length, 1);
    });
  });

  describe('CRLF scripts', () => {
    it('reads My Living Memory with Kate as the lead', () => {
      const doc = find('my_living_memory.fountain');
      assert.equal(doc.title, 'My Living Memory');
      assert.equal(topCharacters(doc, 1)[0], 'KATE');
    });
    it('reads Printing Trouble with Mike as the lead', () => {
      const doc = find('printing_trouble.fountain');
      assert.equal(topCharacters(doc, 1)[0], 'MIKE');
      assert.equal(doc.script?.scenes.length, 29);
    });
  });

  describe('the same scripts as Fountain and as Final Draft', () => {
    for (const name of ['Brick-and-Steel', 'The-Last-Birthday-Card']) {
      it(`${name}: both formats show the same scenes, cast and settings`, () => {
        const fountain = find(`${name}.fountain`).script;
        const finalDraft = find(`${name}.fdx`).script;
        assert.ok(fountain && finalDraft);
        assert.deepEqual(finalDraft.scenes.map((s) => s.heading), fountain.scenes.map((s) => s.heading));
        const cast = (facts: typeof fountain) => facts.characters.map((c) => [c.name, c.speeches, c.words, c.scenes]);
        assert.deepEqual(cast(finalDraft), cast(fountain));
        assert.deepEqual(finalDraft.locations.map((l) => [l.name, l.scenes]), fountain.locations.map((l) => [l.name, l.scenes]));
      });
    }

    it('The Last Birthday Card (Final Draft) has Scott, Baxter and Nak as its leads in 48 scenes', () => {
      const doc = find('The-Last-Birthday-Card.fdx');
      assert.equal(doc.script?.scenes.length, 48);
      assert.deepEqual(topCharacters(doc, 3), ['SCOTT', 'BAXTER', 'NAK']);
      assert.deepEqual(doc.notes, []);
    });
  });

  describe('Markdown production notes', () => {
    it('takes titles from front matter or the first heading', () => {
      assert.equal(find('the-well.md').title, 'The Well');
      assert.equal(find('home-body.md').title, 'Home Body');
      assert.equal(find('post-production-schedule-cheat-sheet__README.md').title, 'POST PRODUCTION SCHEDULE CHEAT SHEET');
    });

    it('reads the nested schedule list item by item, with the section as context', () => {
      const doc = find('post-production-schedule-cheat-sheet__README.md');
      const item = doc.notes.find((n) => n.kind === 'list-item' && n.text.startsWith('Reels/notes to Sound House'));
      assert.ok(item);
      assert.equal(item.text, 'Reels/notes to Sound House – Temp sound with additional sound elements\n      (dialog, effects, and room noise)');
      assert.equal(item.context, 'PRE-PICTURE LOCK');
      assert.ok(doc.notes.some((n) => n.kind === 'list-item' && n.text === '**WEEK 7**'));
      assert.ok(doc.notes.filter((n) => n.kind === 'list-item').length > 150);
    });

    it('reads a long production diary as headings and paragraphs, front matter left out', () => {
      const doc = find('the-well.md');
      assert.ok(doc.notes.every((n) => !n.text.startsWith('title:') && !n.text.startsWith('published:')));
      assert.ok(doc.notes.some((n) => n.kind === 'heading' && n.text === 'Prep work'));
      assert.ok(doc.notes.filter((n) => n.kind === 'paragraph').length > 100);
    });
  });
});
