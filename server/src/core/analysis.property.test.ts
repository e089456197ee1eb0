// The whole analysis on any text: never throws, every finding and piece of evidence lies inside
// the document on UTF-16 boundaries, and it finishes in bounded time.
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { analyzeDocument } from './analysis';
import { mergeConfig } from './config/parseConfig';
import { readDocument } from './documents';
import type { DocumentKind, Span } from './types';

const config = mergeConfig();
const KINDS: DocumentKind[] = ['fountain', 'markdown', 'plaintext', 'fdx'];

const fragments = [
  '[[', ']]', '/*', '*/', '\n', '\r\n', '\r', '\uFEFF', 'GenAI: ', 'AI: ', 'de-age ', 'Marisol ', 'voice clone ', 'Approval: NFX-GAI-0142',
  'Approval: pending', 'INT. HOUSE - DAY\n\n', 'MARISOL\n', '# ', '= ', '- ', '| a | b |\n', '<!-- ', ' -->', '😀', 'e\u0301', 'שלום ',
  'ИНТ. ДОМ - ДЕНЬ', 'not ', 'final ', 'in the style of Studio Ghibli ', 'mood board ', '\t', '```\n', '---\n', '<Paragraph Type="Action"><Text>',
  '</Text></Paragraph>', 'genai-review: ignore-next', 'GenAI disclosure: approval: PENDING',
];
const text = fc.array(fc.oneof(fc.constantFrom(...fragments), fc.string({ unit: 'grapheme', maxLength: 6 }), fc.string({ unit: 'binary', maxLength: 6 })), { maxLength: 60 }).map((parts) => parts.join(''));

function onBoundary(doc: string, offset: number): boolean {
  if (offset <= 0 || offset >= doc.length) return offset >= 0 && offset <= doc.length;
  const before = doc.charCodeAt(offset - 1);
  const at = doc.charCodeAt(offset);
  return !(before >= 0xd800 && before <= 0xdbff && at >= 0xdc00 && at <= 0xdfff);
}

function assertInside(doc: string, span: Span, what: string): void {
  assert.ok(span.start >= 0 && span.start <= span.end && span.end <= doc.length, `${what} ${span.start}-${span.end} outside 0-${doc.length}`);
  assert.ok(onBoundary(doc, span.start) && onBoundary(doc, span.end), `${what} ${span.start}-${span.end} splits a surrogate pair`);
}

describe('analysis on any text (property-based)', () => {
  for (const kind of KINDS) {
    it(`${kind}: findings and evidence lie inside the document, on UTF-16 boundaries`, () => {
      fc.assert(
        fc.property(text, (t) => {
          const doc = readDocument(kind, t);
          for (const f of analyzeDocument(doc, { config })) {
            assertInside(t, f.span, 'finding');
            assert.ok(['approval-required', 'approved', 'disclose'].includes(f.outcome));
            for (const e of f.evidence) if (e.span) assertInside(t, e.span, `evidence "${e.text}"`);
          }
        }),
        { numRuns: 150 },
      );
    });
  }

  it('analyses 100,000 notes and a 2 MB single line in bounded time', function () {
    this.timeout(60000);
    const many = Array.from({ length: 100000 }, (_, i) => `[[note ${i % 50}]]`).join('\n');
    let started = Date.now();
    analyzeDocument(readDocument('fountain', many), { config });
    assert.ok(Date.now() - started < 30000, `100,000 notes took ${Date.now() - started} ms`);
    const line = 'GenAI: de-age Marisol '.repeat(100000);
    started = Date.now();
    const findings = analyzeDocument(readDocument('plaintext', line), { config });
    assert.equal(findings.length, 1);
    assert.ok(Date.now() - started < 30000, `a 2 MB line took ${Date.now() - started} ms`);
  });
});
