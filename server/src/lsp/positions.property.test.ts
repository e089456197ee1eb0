// The one place offsets become LSP positions, checked against the editor's own arithmetic
// (vscode-languageserver-textdocument, what the client library uses) on text with CRLF, lone
// CR, a BOM, astral characters, combining marks and right-to-left script: positions agree,
// round-trip, clamp the same way when out of range, and every diagnostic's range and every
// quick-fix edit lands on exactly the text the analysis meant.
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CodeActionKind, type TextEdit } from 'vscode-languageserver';
import { analyzeDocument } from '../core/analysis';
import { mergeConfig } from '../core/config/parseConfig';
import { readDocument } from '../core/documents';
import { LineIndex } from '../core/text/lineIndex';
import type { DocumentKind } from '../core/types';
import { codeActionsFor } from './codeActions';
import { findingToDiagnostic } from './diagnostics';
import { isPosition, offsetOf, positionOf } from './positions';

const PIECES = ['\n', '\r\n', '\r', '\uFEFF', '😀', '𝔸', 'e\u0301', 'a\u0300\u0301', 'שלום', 'مرحبا', '\u202Eabc\u202C', 'x', ' ', '\t', 'ROSA', '[[', ']]'];
const text = fc
  .array(fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...PIECES) }, { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 4 }) }), { maxLength: 40 })
  .map((parts) => parts.join(''));

/** Offsets an LSP position can name: not between the \r and \n of a CRLF (no position is there). */
function nameable(t: string, offset: number): boolean {
  return !(t.charCodeAt(offset - 1) === 13 && t.charCodeAt(offset) === 10);
}

const NOTES = ['GenAI: de-age Hana Sato 😀 for the flashback', 'AI: voice clone of ROSA, final mix', 'GenAI: crowd of extras שלום for the market', 'GenAI: mood board e\u0301te\u0301'];
const production = (kind: DocumentKind) =>
  fc
    .tuple(fc.array(fc.tuple(fc.constantFrom(...NOTES), text), { minLength: 1, maxLength: 5 }), fc.constantFrom('\n', '\r\n', '\r'), fc.boolean())
    .map(([parts, eol, bom]) => {
      const wrap = (note: string) => (kind === 'fountain' ? `[[${note}]]` : kind === 'markdown' ? `- ${note}` : note);
      return `${bom ? '\uFEFF' : ''}${parts.map(([note, filler]) => `${wrap(note)}${eol}${filler.replace(/\[\[|\]\]/g, '')}${eol}${eol}`).join('')}`;
    });

describe('LSP positions (property-based)', () => {
  it('agree with the editor\'s positions for every offset, and round-trip', () => {
    fc.assert(
      fc.property(text, (t) => {
        const index = new LineIndex(t);
        const doc = TextDocument.create('file:///x.txt', 'plaintext', 1, t);
        assert.equal(index.lineCount, doc.lineCount);
        for (let offset = 0; offset <= t.length; offset++) {
          if (!nameable(t, offset)) continue;
          const position = positionOf(index, offset);
          assert.deepEqual(position, doc.positionAt(offset), `offset ${offset}`);
          assert.equal(offsetOf(index, position), offset);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('clamp positions outside the text as the editor does', () => {
    fc.assert(
      fc.property(text, fc.integer({ min: -3, max: 60 }), fc.integer({ min: -3, max: 80 }), (t, line, character) => {
        const index = new LineIndex(t);
        const doc = TextDocument.create('file:///x.txt', 'plaintext', 1, t);
        const position = { line, character };
        if (!isPosition(position)) return; // negative: the server answers nothing (malformed.test.ts)
        assert.equal(offsetOf(index, position), doc.offsetAt(position), JSON.stringify(position));
      }),
      { numRuns: 500 },
    );
  });

  for (const kind of ['fountain', 'markdown', 'plaintext'] as const) {
    it(`${kind}: each diagnostic's range covers exactly its note, and each quick-fix edit inserts where the fix meant`, function () {
      this.timeout(30000);
      const config = mergeConfig({ cast: [{ name: 'Hana Sato', role: 'ROSA' }] });
      let diagnostics = 0;
      let insertions = 0;
      fc.assert(
        fc.property(production(kind), (t) => {
          const pdoc = readDocument(kind, t);
          const findings = analyzeDocument(pdoc, { config });
          const index = new LineIndex(t);
          const editor = TextDocument.create('file:///x', kind, 7, t);
          for (const finding of findings) {
            const diagnostic = findingToDiagnostic(finding, { uri: 'file:///x', index, locate: () => undefined });
            assert.equal(editor.getText(diagnostic.range), t.slice(finding.span.start, finding.span.end));
            diagnostics++;
          }
          const all = { start: positionOf(index, 0), end: positionOf(index, t.length) };
          const actions = codeActionsFor({
            uri: 'file:///x',
            version: 7,
            doc: pdoc,
            index,
            findings,
            params: { textDocument: { uri: 'file:///x' }, range: all, context: { diagnostics: [], only: [CodeActionKind.QuickFix] } },
            capabilities: { snippets: false, documentChanges: false },
          });
          for (const action of actions) {
            const edits: TextEdit[] = action.edit!.changes!['file:///x'];
            insertions += edits.length;
            for (const edit of edits) assert.deepEqual(edit.range.start, edit.range.end, 'an insertion, never a replacement');
            const after = TextDocument.applyEdits(editor, edits);
            // Taking the inserted texts out again gives the writer's text back, character for character.
            let restored = after;
            for (const edit of [...edits].sort((a, b) => editor.offsetAt(a.range.start) - editor.offsetAt(b.range.start)).reverse()) {
              const at = editor.offsetAt(edit.range.start) + edits.filter((e) => editor.offsetAt(e.range.start) < editor.offsetAt(edit.range.start)).reduce((n, e) => n + e.newText.length, 0);
              assert.equal(restored.slice(at, at + edit.newText.length), edit.newText);
              restored = restored.slice(0, at) + restored.slice(at + edit.newText.length);
            }
            assert.equal(restored, t);
          }
        }),
        { numRuns: 40 },
      );
      assert.ok(diagnostics > 40 && insertions > 40, `checked ${diagnostics} diagnostics and ${insertions} insertions`);
    });
  }
});
