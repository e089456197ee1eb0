import { strict as assert } from 'node:assert';
import { readPlainText } from './plaintext';
import { documentViolations } from './invariants';

function notes(text: string): [string, string][] {
  const doc = readPlainText(text);
  assert.deepEqual(documentViolations(doc), []);
  return doc.notes.map((n) => [n.kind, n.text]);
}

describe('readPlainText', () => {
  it('makes each line of a list-like paragraph its own note', () => {
    assert.deepEqual(notes('Sc 4: AI sky replacement\nSc 7: practical rain\nSc 9: Teo double\n'), [
      ['line', 'Sc 4: AI sky replacement'],
      ['line', 'Sc 7: practical rain'],
      ['line', 'Sc 9: Teo double'],
    ]);
  });

  it('makes a single-line paragraph a paragraph note', () => {
    assert.deepEqual(notes('Budget review on Friday.\n\nAI: generate the crowd for sc 12.'), [
      ['paragraph', 'Budget review on Friday.'],
      ['paragraph', 'AI: generate the crowd for sc 12.'],
    ]);
  });

  it('joins hard-wrapped prose: no sentence end, next line starts lower-case', () => {
    assert.deepEqual(notes('We will use a generative tool to extend\nthe harbour set in post.\nNext item.\n'), [
      ['line', 'We will use a generative tool to extend\nthe harbour set in post.'],
      ['line', 'Next item.'],
    ]);
    assert.deepEqual(notes('We will use a generative tool to extend\nthe harbour set in post.\n'), [
      ['paragraph', 'We will use a generative tool to extend\nthe harbour set in post.'],
    ]);
  });

  it('does not join after a sentence end, even before a lower-case line', () => {
    assert.deepEqual(notes('Done.\nthen the next thing\n').map((n) => n[1]), ['Done.', 'then the next thing']);
  });

  it('joins indented continuation lines but not indented list items', () => {
    assert.deepEqual(notes('Storm sequence:\n    Marisol double, final comp\n  - AI rain plates\n').map((n) => n[1]), [
      'Storm sequence:\n    Marisol double, final comp',
      '- AI rain plates',
    ]);
  });

  it('treats CRLF, lone CR, a BOM and whitespace-only lines alike', () => {
    const expected = notes('One.\nTwo.\n\nThree.');
    assert.deepEqual(notes('\uFEFFOne.\r\nTwo.\r\n  \t\r\nThree.'), expected);
    assert.deepEqual(notes('One.\rTwo.\r\rThree.'), expected);
  });

  it('gives spans that point at the trimmed words', () => {
    const text = '  AI: previs only  \n';
    const [note] = readPlainText(text).notes;
    assert.deepEqual(note.span, { start: 2, end: 17 });
    assert.deepEqual(readPlainText('').notes, []);
  });
});
