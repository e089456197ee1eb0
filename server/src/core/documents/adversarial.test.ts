// Inputs built to make a careless scanner rescan the text for every delimiter. Each must read in
// one pass: a quadratic reader would take minutes on them and time the test out.
import { strict as assert } from 'node:assert';
import { readDocument } from './index';
import { documentViolations } from './invariants';
import type { DocumentKind } from '../types';

const inputs: [string, string][] = [
  ['100 000 unclosed [[ on one line', '[[ '.repeat(100_000)],
  ['100 000 unclosed /* on one line', '/* '.repeat(100_000)],
  ['50 000 notes cut by blank lines', '[[ a\n\n'.repeat(50_000)],
  ['50 000 unclosed comments', '<!-- a\n\n'.repeat(50_000)],
  ['20 000 code fences of growing length', Array.from({ length: 20_000 }, (_, i) => '`'.repeat(3 + (i % 50)) + '\n').join('')],
  ['100 000 bare <', '<'.repeat(100_000)],
  ['100 000 bare & in a text run', `<FinalDraft><Content><Paragraph><Text>${'&'.repeat(100_000)}`],
  ['5 000 nested paragraphs', `<FinalDraft><Content>${'<Paragraph><DualDialogue>'.repeat(5_000)}`],
  ['a one-megabyte line', 'x'.repeat(1_000_000)],
  ['a scene heading with 30 000 parts', `INT. ${'A - '.repeat(30_000)}NIGHT\n`],
  ['a list item of 50 000 dashes', `${'- '.repeat(50_000)}x`],
  ['a table delimiter of 50 000 cells', `a | b\n${'|-'.repeat(50_000)}x`],
];
const kinds: DocumentKind[] = ['fountain', 'fdx', 'markdown', 'plaintext'];

describe('adversarial input', () => {
  for (const [label, text] of inputs) {
    it(`reads ${label} with every reader`, () => {
      for (const kind of kinds) {
        const doc = readDocument(kind, text);
        assert.equal(doc.text, text);
        assert.deepEqual(documentViolations(doc), [], kind);
      }
    });
  }

  it('reports each unclosed note on a long line and keeps the line as script text', () => {
    const doc = readDocument('fountain', 'TEO [[ '.repeat(1000));
    assert.equal(doc.problems.length, 1000);
    assert.deepEqual(doc.notes, []);
  });
});
