// Whatever a user types or a tool writes, every reader returns a sound document: no throw, spans
// inside the text and on code-point boundaries, note text equal to its slice, notes disjoint.
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { readFountain } from './fountain/readFountain';
import { parseFountain } from './fountain/parseFountain';
import { readFdx } from './fdx/readFdx';
import { readMarkdown } from './markdown';
import { readPlainText } from './plaintext';
import { documentViolations, spanViolation } from './invariants';
import type { ProductionDocument } from '../types';

const readers: [string, (text: string) => ProductionDocument][] = [
  ['fountain', readFountain],
  ['fdx', readFdx],
  ['markdown', readMarkdown],
  ['plaintext', readPlainText],
];

// Pieces that make the parsers take every branch: delimiters (closed and not), markers, line
// endings of every kind, a BOM, tabs, astral characters, combining marks, right-to-left text.
const syntax = [
  '[[', ']]', '/*', '*/', '<!--', '-->', '\n', '\r', '\r\n', '\n\n', '\uFEFF', '  ', '\t', '    ',
  'INT. ', 'EXT. ', '.', '..', '#', '## ', '#1A#', '=', '===', '> ', ' <', '~', '!', '@', ' ^', '(', ')',
  'MARISOL', 'TEO (V.O.)', 'CUT TO:', 'Teo walks.', '😀', '𝔸', 'e\u0301', 'ЖЕНЯ', 'שלום', '- ', '* ', '1. ',
  '- [ ] ', '| a | b |', '|---|---|', '```', '~~~', '---', '+++', 'title: X', '> ', '<', '>', '&amp;', '&#x1F600;',
  '<Paragraph Type="Action">', '<Text>', '</Text>', '</Paragraph>', '<ScriptNote>', '</ScriptNote>', '<?xml?>',
];

const documentText = fc
  .array(
    fc.oneof(
      { weight: 4, arbitrary: fc.constantFrom(...syntax) },
      { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }) },
      { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 8 }) },
    ),
    { maxLength: 60 },
  )
  .map((parts) => parts.join(''));

const lineEnding = fc.constantFrom('\n', '\r\n', '\r', '\n\n');
const shortText = fc.oneof(fc.string({ unit: 'binary', maxLength: 10 }), fc.string({ unit: 'grapheme', maxLength: 10 }), fc.constantFrom(...syntax));

// Documents shaped like the real thing, so that deeper paths are reached more often.
const lineShaped = fc
  .array(
    fc.tuple(
      fc.constantFrom('', ' ', '  ', '    ', '\t', '- ', '1. ', '> ', '# ', '| ', '[[', '/*', '<!-- ', '```', '.', '@', '!', '~', '='),
      fc.array(shortText, { maxLength: 4 }).map((parts) => parts.join('')),
      lineEnding,
    ),
    { maxLength: 40 },
  )
  .map((lines) => lines.map(([prefix, body, end]) => prefix + body + end).join(''));

const fdxParagraph = fc.oneof(
  fc.tuple(fc.constantFrom('Scene Heading', 'Action', 'Character', 'Dialogue', 'Outline 1', 'Outline Body', 'Bogus'), shortText).map(
    ([type, text]) => `<Paragraph Type="${type}"><Text>${text}</Text></Paragraph>`,
  ),
  shortText.map((text) => `<Paragraph Type="Action"><ScriptNote><Paragraph><Text>${text}</Text></Paragraph></ScriptNote><Text>${text}</Text></Paragraph>`),
  shortText.map((text) => `<Paragraph><DualDialogue><Paragraph Type="Character"><Text>${text}</Text></Paragraph></DualDialogue></Paragraph>`),
  shortText,
);
const fdxShaped = fc
  .tuple(fc.array(fdxParagraph, { maxLength: 12 }), fc.boolean())
  .map(([paragraphs, closed]) => `<?xml version="1.0"?>\n<FinalDraft><Content>${paragraphs.join('\n')}${closed ? '</Content></FinalDraft>' : ''}`);

function assertSound(doc: ProductionDocument, text: string): void {
  assert.equal(doc.text, text);
  assert.deepEqual(documentViolations(doc), []);
}

describe('every reader, on any text (property-based)', () => {
  for (const [name, read] of readers) {
    it(`${name}: returns a sound document for random text`, () => {
      fc.assert(
        fc.property(documentText, (text) => assertSound(read(text), text)),
        { numRuns: 300 },
      );
    });

    it(`${name}: returns a sound document for line-shaped and XML-shaped text`, () => {
      fc.assert(
        fc.property(fc.oneof(lineShaped, fdxShaped), (text) => assertSound(read(text), text)),
        { numRuns: 300 },
      );
    });

    it(`${name}: copes with very long lines and unclosed delimiters`, () => {
      const long = fc.tuple(fc.constantFrom('[[', '/*', '<!--', '<Text>', '', 'INT. '), fc.string({ unit: 'binary', minLength: 2000, maxLength: 20000 }));
      fc.assert(
        fc.property(long, ([opening, body]) => {
          const text = opening + body;
          assertSound(read(text), text);
        }),
        { numRuns: 15 },
      );
    });
  }

  it('fountain: element spans lie within the text, in order', () => {
    fc.assert(
      fc.property(documentText, (text) => {
        const parsed = parseFountain(text);
        let previous = 0;
        for (const element of parsed.elements) {
          assert.equal(spanViolation(text, element.span, element.type), undefined);
          assert.ok(element.span.start >= previous, 'elements are in document order');
          previous = element.span.start;
        }
      }),
      { numRuns: 200 },
    );
  });
});
