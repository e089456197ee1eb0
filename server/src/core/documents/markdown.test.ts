import { strict as assert } from 'node:assert';
import { readMarkdown } from './markdown';
import { documentViolations } from './invariants';
import type { ProductionDocument } from '../types';

function read(text: string): ProductionDocument {
  const doc = readMarkdown(text);
  assert.deepEqual(documentViolations(doc), []);
  return doc;
}

function notes(text: string): [string, string][] {
  return read(text).notes.map((n) => [n.kind, n.text]);
}

describe('readMarkdown', () => {
  describe('headings', () => {
    it('reads ATX headings without their #s, closing #s included', () => {
      assert.deepEqual(notes('# VFX notes\n\n## Storm sequence ##\n\n#hashtag is text\n'), [
        ['heading', 'VFX notes'],
        ['heading', 'Storm sequence'],
        ['paragraph', '#hashtag is text'],
      ]);
    });

    it('reads setext headings, and a lone --- as a break', () => {
      assert.deepEqual(notes('Production notes\n================\n\nWeek one\n--------\n\n---\n\nText.\n'), [
        ['heading', 'Production notes'],
        ['heading', 'Week one'],
        ['paragraph', 'Text.'],
      ]);
      const heading = read('Production notes\n===\n').notes[0];
      assert.deepEqual(heading.span, { start: 0, end: 20 });
      assert.deepEqual(heading.textSpan, { start: 0, end: 16 });
    });

    it('takes the title from front matter, else from the first level-1 heading', () => {
      assert.equal(read('---\ntitle: "The Well"\npublished: 2024-07-23\n---\n\n# Other\n').title, 'The Well');
      assert.equal(read('+++\ntitle = \'Salt Road notes\'\n+++\n').title, 'Salt Road notes');
      assert.equal(read('## Not this\n\n# Salt Road VFX\n\n# Later\n').title, 'Salt Road VFX');
      assert.equal(read('Just text.\n').title, undefined);
    });

    it('gives each note the nearest heading above as context', () => {
      const doc = read('# Notes\n\nIntro.\n\n## Sc 12\n\n- AI crowd\n');
      assert.deepEqual(doc.notes.map((n) => n.context), [undefined, 'Notes', 'Notes', 'Sc 12']);
    });
  });

  describe('paragraphs and block quotes', () => {
    it('makes a paragraph one note across its lines', () => {
      assert.deepEqual(notes('We will generate\nthe crowd in post.\n\nSecond.\n'), [
        ['paragraph', 'We will generate\nthe crowd in post.'],
        ['paragraph', 'Second.'],
      ]);
    });

    it('makes each block-quote paragraph a note, without the first >', () => {
      const doc = read('> AI: de-age Ana\n> for the flashback\n>\n> Second thought.\n');
      assert.deepEqual(doc.notes.map((n) => [n.kind, n.text]), [
        ['paragraph', 'AI: de-age Ana\n> for the flashback'],
        ['paragraph', 'Second thought.'],
      ]);
      assert.equal(doc.notes[0].span.start, 0);
      assert.equal(doc.notes[0].textSpan.start, 2);
    });
  });

  describe('lists', () => {
    it('makes each item a note, without its marker or task box', () => {
      assert.deepEqual(notes('- AI: sky replacement\n* Practical rain\n+ Marisol double\n1. Lock picture\n2) Deliver\n- [ ] Ask legal\n- [x] Book the previs artist\n'), [
        ['list-item', 'AI: sky replacement'],
        ['list-item', 'Practical rain'],
        ['list-item', 'Marisol double'],
        ['list-item', 'Lock picture'],
        ['list-item', 'Deliver'],
        ['list-item', 'Ask legal'],
        ['list-item', 'Book the previs artist'],
      ]);
      const item = read('  - AI: previs\n').notes[0];
      assert.deepEqual([item.span, item.textSpan], [{ start: 2, end: 14 }, { start: 4, end: 14 }]);
    });

    it('keeps nested items out of their parent, each its own note', () => {
      assert.deepEqual(notes('* WEEK 1\n  * DAILIES\n    * Editor\n    * Shown to director\n* WEEK 2\n'), [
        ['list-item', 'WEEK 1'],
        ['list-item', 'DAILIES'],
        ['list-item', 'Editor'],
        ['list-item', 'Shown to director'],
        ['list-item', 'WEEK 2'],
      ]);
    });

    it('continues an item over indented and lazy lines', () => {
      assert.deepEqual(notes('* Reels to Sound House – temp sound\n  (dialog, effects)\n* Generate the\ncrowd plates\n'), [
        ['list-item', 'Reels to Sound House – temp sound\n  (dialog, effects)'],
        ['list-item', 'Generate the\ncrowd plates'],
      ]);
    });

    it('reads a later paragraph inside an item as a paragraph note', () => {
      assert.deepEqual(notes('- First part.\n\n  More about it.\n\nOutside.\n'), [
        ['list-item', 'First part.'],
        ['paragraph', 'More about it.'],
        ['paragraph', 'Outside.'],
      ]);
    });

    it('does not take *emphasis* or a --- break for an item', () => {
      assert.deepEqual(notes('*Important*\n\n- - -\n'), [['paragraph', '*Important*']]);
    });
  });

  describe('tables', () => {
    it('makes each body row a note; header and delimiter rows are not', () => {
      const doc = read('| Shot | Tool | Approval |\n|:-----|------|---------:|\n| 12A | Runway | NFX-GAI-0142 |\n| 14 | none | |\n\nAfter.\n');
      assert.deepEqual(doc.notes.map((n) => [n.kind, n.text]), [
        ['table-row', '12A | Runway | NFX-GAI-0142'],
        ['table-row', '14 | none |'],
        ['paragraph', 'After.'],
      ]);
    });

    it('reads tables without outer pipes', () => {
      assert.deepEqual(notes('Shot | Tool\n--- | ---\n12A | Runway\n'), [['table-row', '12A | Runway']]);
    });

    it('does not take a paragraph with a pipe over --- for a table', () => {
      assert.deepEqual(notes('this | that\n---\n'), [['heading', 'this | that']]);
    });
  });

  describe('HTML comments', () => {
    it('makes the content of a comment a note, the span including the delimiters', () => {
      const text = 'Text.\n\n<!-- AI: generate Teo for sc 7\n     final comp -->\n\nMore.\n';
      const doc = read(text);
      assert.deepEqual(doc.notes.map((n) => [n.kind, n.text]), [
        ['paragraph', 'Text.'],
        ['html-comment', 'AI: generate Teo for sc 7\n     final comp'],
        ['paragraph', 'More.'],
      ]);
      const comment = doc.notes[1];
      assert.equal(text.slice(comment.span.start, comment.span.end), '<!-- AI: generate Teo for sc 7\n     final comp -->');
    });

    it('makes a comment inside a list item or paragraph a note of its own', () => {
      assert.deepEqual(notes('- Crowd, sc 12 <!-- AI: generate extras -->\n\nWide shot <!-- GenAI: sky --> then cut.\n'), [
        ['list-item', 'Crowd, sc 12'],
        ['html-comment', 'AI: generate extras'],
        ['paragraph', 'Wide shot'],
        ['html-comment', 'GenAI: sky'],
        ['paragraph', 'then cut.'],
      ]);
    });

    it('reports an unclosed comment and still reads the rest', () => {
      const doc = read('<!-- forgot to close\n\n- AI: sky\n');
      assert.equal(doc.problems.length, 1);
      assert.equal(doc.problems[0].severity, 'warning');
      assert.deepEqual(doc.notes.map((n) => n.text), ['<!-- forgot to close', 'AI: sky']);
    });
  });

  describe('what is not a note', () => {
    it('skips fenced code (``` and ~~~), indented code and front matter', () => {
      assert.deepEqual(
        notes('---\ntitle: X\nnote: AI everywhere\n---\n\n```\nAI: not a note\n```\n\n~~~~yaml\nai: true\n~~~~\n\n    AI: indented code\n\nReal note.\n'),
        [['paragraph', 'Real note.']],
      );
    });

    it('reports an unclosed fence and reads the rest as notes', () => {
      const doc = read('```\n- AI: generate the crowd\n');
      assert.equal(doc.problems.length, 1);
      assert.deepEqual(doc.notes.map((n) => n.text), ['```', 'AI: generate the crowd']);
    });

    it('keeps fences inside list items out of the notes', () => {
      assert.deepEqual(notes('- Item\n\n  ```\n  code\n  ```\n- Next\n'), [
        ['list-item', 'Item'],
        ['list-item', 'Next'],
      ]);
    });
  });

  it('reads CRLF and a BOM like LF', () => {
    const lf = '# H\n\n- a\n- b\n\n| x | y |\n|---|---|\n| 1 | 2 |\n';
    assert.deepEqual(notes('\uFEFF' + lf.replace(/\n/g, '\r\n')), notes(lf));
  });
});
