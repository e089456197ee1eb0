import { strict as assert } from 'node:assert';
import { parseFdx, readFdx } from './readFdx';
import { documentViolations } from '../invariants';
import { noteSpanOf } from '../../text/noteOffset';

function fdx(content: string, extra = ''): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="no" ?>\n<FinalDraft DocumentType="Script" Version="1">\n<Content>\n${content}\n</Content>\n${extra}</FinalDraft>\n`;
}

function p(type: string, text: string, attributes = ''): string {
  return `<Paragraph Type="${type}"${attributes}><Text>${text}</Text></Paragraph>`;
}

describe('readFdx', () => {
  it('reads paragraph types into script elements', () => {
    const parsed = parseFdx(
      fdx(
        [
          p('Scene Heading', 'INT. LIGHTHOUSE - NIGHT', ' Number="12A"'),
          p('Action', 'The lens turns.'),
          p('Character', 'MARISOL (V.O.)'),
          p('Parenthetical', '(beat)'),
          p('Dialogue', 'Nineteen.'),
          p('Transition', 'CUT TO:'),
          p('Shot', 'CLOSE ON THE LENS'),
          p('General', 'Something else'),
          p('Cast List', 'MARISOL, TEO'),
        ].join('\n'),
      ),
    );
    assert.deepEqual(parsed.elements.map((e) => [e.type, e.text]), [
      ['scene-heading', 'INT. LIGHTHOUSE - NIGHT'],
      ['action', 'The lens turns.'],
      ['character', 'MARISOL (V.O.)'],
      ['parenthetical', '(beat)'],
      ['dialogue', 'Nineteen.'],
      ['transition', 'CUT TO:'],
      ['shot', 'CLOSE ON THE LENS'],
      ['general', 'Something else'],
      ['general', 'MARISOL, TEO'],
    ]);
    assert.equal(parsed.elements[0].sceneNumber, '12A');
    assert.deepEqual([parsed.elements[2].characterName, parsed.elements[2].extension], ['MARISOL', '(V.O.)']);
    assert.deepEqual(parsed.problems, []);
  });

  it('joins styled runs and marks dual dialogue', () => {
    const parsed = parseFdx(
      fdx(
        `<Paragraph Type="Dialogue"><Text Style="Underline">Permanently</Text><Text>.</Text></Paragraph>
<Paragraph><DualDialogue>${p('Character', 'STEEL')}${p('Dialogue', 'Screw it.')}${p('Character', 'BRICK')}${p('Dialogue', 'Screw it.')}</DualDialogue></Paragraph>`,
      ),
    );
    assert.equal(parsed.elements[0].text, 'Permanently.');
    assert.deepEqual(parsed.elements.filter((e) => e.type === 'character').map((e) => [e.characterName, e.dual]), [
      ['STEEL', true],
      ['BRICK', true],
    ]);
  });

  it('decodes entities for analysis while spans point at the raw file', () => {
    const text = fdx(p('Action', 'Tom &amp; Ana walk &#8212; slowly.'));
    const [action] = parseFdx(text).elements;
    assert.equal(action.text, 'Tom & Ana walk — slowly.');
    assert.equal(text.slice(action.span.start, action.span.end), 'Tom &amp; Ana walk &#8212; slowly.');
  });

  it('keeps exact UTF-16 offsets after non-ASCII and astral text', () => {
    const text = fdx(`${p('Action', 'Joaquín 😀 Жанна')}\n${p('Action', 'Next.')}`);
    const [first, second] = parseFdx(text).elements;
    assert.equal(text.slice(first.span.start, first.span.end), 'Joaquín 😀 Жанна');
    assert.equal(text.slice(second.span.start, second.span.end), 'Next.');
  });

  describe('notes', () => {
    it('makes a ScriptNote inside a paragraph a note, its paragraphs joined, with the scene as context', () => {
      const text = fdx(
        [
          p('Scene Heading', 'EXT. SALT ROAD - DAWN'),
          `<Paragraph Type="Action"><ScriptNote ID="1"><Paragraph><Text>GenAI: extend the flats</Text></Paragraph><Paragraph><Text>final comp</Text></Paragraph></ScriptNote><Text>White flats.</Text></Paragraph>`,
        ].join('\n'),
      );
      const doc = readFdx(text);
      assert.deepEqual(doc.notes.map((n) => [n.kind, n.text, n.context]), [['note', 'GenAI: extend the flats\nfinal comp', 'EXT. SALT ROAD - DAWN']]);
      const note = doc.notes[0];
      assert.ok(text.slice(note.span.start, note.span.end).startsWith('<ScriptNote ID="1">'));
      assert.ok(text.slice(note.span.start, note.span.end).endsWith('</ScriptNote>'));
      assert.deepEqual(documentViolations(doc), []);
      // The action paragraph itself is story: not a note.
      assert.equal(doc.notes.filter((n) => n.text.includes('White flats')).length, 0);
    });

    it('keeps the invariant text === slice when a note is one plain run', () => {
      const text = fdx(`<Paragraph Type="Action"><ScriptNote><Paragraph><Text>AI: previs only</Text></Paragraph></ScriptNote><Text>x</Text></Paragraph>`);
      const [note] = readFdx(text).notes;
      assert.equal(note.textMap, undefined);
      assert.equal(text.slice(note.textSpan.start, note.textSpan.end), note.text);
    });

    it('maps a note with entities back to the raw text', () => {
      const text = fdx(`<Paragraph Type="Action"><ScriptNote><Paragraph><Text>AI: Tom &amp; Ana &lt;de-age&gt;</Text></Paragraph></ScriptNote></Paragraph>`);
      const [note] = readFdx(text).notes;
      assert.equal(note.text, 'AI: Tom & Ana <de-age>');
      assert.ok(note.textMap);
      const ana = note.text.indexOf('Ana');
      const span = noteSpanOf(note, ana, ana + 3);
      assert.equal(text.slice(span.start, span.end), 'Ana');
      const amp = noteSpanOf(note, note.text.indexOf('&'), note.text.indexOf('&') + 1);
      assert.equal(text.slice(amp.start, amp.end), '&amp;');
    });

    it('reads notes kept in a <ScriptNotes> list, without a scene as context', () => {
      const text = fdx(p('Scene Heading', 'INT. BUS - DAY'), '<ScriptNotes><ScriptNote Range="3,9"><Paragraph><Text>AI: replace the bus</Text></Paragraph></ScriptNote></ScriptNotes>\n');
      const doc = readFdx(text);
      assert.deepEqual(doc.notes.map((n) => [n.kind, n.text, n.context]), [['note', 'AI: replace the bus', undefined]]);
    });

    it('reads outline elements as sections and synopses, scene summaries as synopses', () => {
      const text = fdx(
        [
          p('Outline 1', 'ACT ONE'),
          p('Outline Body', 'Marisol keeps the light.'),
          `<Paragraph Type="Scene Heading"><SceneProperties Title=""><Summary><Paragraph><Text>AI: sky plates for the whole scene</Text></Paragraph></Summary></SceneProperties><Text>INT. LIGHTHOUSE - NIGHT</Text></Paragraph>`,
        ].join('\n'),
      );
      const doc = readFdx(text);
      assert.deepEqual(doc.notes.map((n) => [n.kind, n.text, n.context]), [
        ['section', 'ACT ONE', undefined],
        ['synopsis', 'Marisol keeps the light.', 'ACT ONE'],
        ['synopsis', 'AI: sky plates for the whole scene', 'INT. LIGHTHOUSE - NIGHT'],
      ]);
      assert.deepEqual(documentViolations(doc), []);
    });
  });

  it('reads the title from the title page and ignores headers and footers', () => {
    const text = fdx(p('Action', 'Story.'), `<TitlePage><Content><Paragraph Alignment="Center"><Text>THE SALT ROAD</Text></Paragraph><Paragraph><Text>Written by</Text></Paragraph></Content></TitlePage><HeaderAndFooter><Header><Paragraph><Text>Draft 3</Text></Paragraph></Header></HeaderAndFooter>`);
    const parsed = parseFdx(text);
    assert.equal(parsed.title, 'THE SALT ROAD');
    assert.deepEqual(parsed.titlePage, ['THE SALT ROAD', 'Written by']);
    assert.deepEqual(parsed.elements.map((e) => e.text), ['Story.']);
  });

  describe('malformed XML', () => {
    it('names the line of a mismatched end tag and keeps what it read', () => {
      const text = fdx(`${p('Action', 'One.')}\n<Paragraph Type="Action"><Text>Two.</Paragraph>\n${p('Action', 'Three.')}`);
      const doc = readFdx(text);
      assert.equal(doc.problems.length, 1);
      assert.equal(doc.problems[0].severity, 'error');
      assert.match(doc.problems[0].message, /line 5:.*<\/Paragraph>.*<\/Text>/);
      assert.deepEqual(parseFdx(text).elements.map((e) => e.text), ['One.', 'Two.', 'Three.']);
    });

    it('reports a file cut off mid-tag, and an unclosed element, without throwing', () => {
      for (const text of ['<FinalDraft><Content><Paragraph Type="Action"><Text>Cut', '<FinalDraft><Content><Paragraph Type="Act', '<FinalDraft><Content', '<', '&', '']) {
        const doc = readFdx(text);
        assert.deepEqual(documentViolations(doc), [], text);
        if (text.includes('<')) assert.ok(doc.problems.some((problem) => problem.severity === 'error' && /line 1/.test(problem.message)), text);
      }
    });

    it('reports a bare < in text and keeps the text', () => {
      const doc = parseFdx(fdx(p('Action', 'a < b')));
      assert.equal(doc.problems.length, 1);
      assert.equal(doc.elements[0].text, 'a < b');
    });
  });
});
