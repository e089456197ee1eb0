// Quick fixes on random documents with random notes: every fix only inserts, at a place that
// splits neither a surrogate pair nor a CRLF, and is idempotent: once applied (alone, or for
// every finding in the file at once), re-analysing the text offers that fix for that note no
// more, and a suppressed note has no finding left.
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { analyzeDocument, type ScriptContext } from '../analysis';
import { mergeConfig } from '../config/parseConfig';
import { readDocument } from '../documents';
import type { Finding } from '../findings';
import { TEST_SCRIPT } from '../rules/testing';
import type { DocumentKind } from '../types';
import { FIX_KINDS, fixesFor, type FixKind, type Insertion } from './fixes';

const config = mergeConfig({ cast: [{ name: 'Hana Sato', role: 'ROSA' }] });
const script: ScriptContext = { facts: readDocument('fountain', TEST_SCRIPT).script!, path: '/prod/clear-skies.fountain' };

/** Notes that give every outcome and most categories. */
const NOTES = [
  'GenAI: de-age Hana Sato for the flashback',
  'GenAI: generate the crowd of extras for the market scene',
  'AI: voice clone of ROSA for the pickups, final mix',
  'GenAI: mood board for the observatory dome',
  'GenAI: generate the lens as a hero prop, stays in the final cut',
  'AI: upload the crew contact sheet to ChatGPT',
  'GenAI: poster in the style of Studio Ghibli',
  'GenAI: de-age Hana Sato. Approval: NFX-GAI-0142',
  'GenAI: replace the background extras. Approval: pending',
  'AI - sky replacement on the roof scene 😀',
  'GenAI: צור קהל for the market, final',
];
const FILLER = ['Rosa walks in.', 'e\u0301te\u0301', 'שלום עולם', '𝔸𝔹ℂ', '', '   ', 'INT. DOME - NIGHT', 'IVAN', 'Again.', '# Scene 4', '---', 'Buy more lenses'];

function wrapNote(kind: DocumentKind, note: string, shape: number): string[] {
  switch (kind) {
    case 'fountain':
      return [[`[[${note}]]`], [`Rosa walks in. [[${note}]] She sits.`], ['/*', `[[${note}]]`, '*/'], [`  [[${note}]]`]][shape % 4];
    case 'markdown':
      return [[`- ${note}`], [note], ['| 4 | Note |', '|---|---|', `| 5 | ${note} |`], [`  - ${note}`], [`1. ${note}`]][shape % 5];
    default:
      return [[note], [`  ${note}`], [`* ${note}`]][shape % 3];
  }
}

const line = fc.oneof(
  { weight: 2, arbitrary: fc.tuple(fc.constantFrom(...NOTES), fc.nat(9)).map(([note, shape]) => ({ note, shape })) },
  { weight: 3, arbitrary: fc.oneof(fc.constantFrom(...FILLER), fc.string({ unit: 'grapheme', maxLength: 12 })).map((filler) => ({ filler })) },
);

function documentOf(kind: DocumentKind) {
  return fc
    .tuple(fc.array(line, { minLength: 1, maxLength: 12 }), fc.constantFrom('\n', '\r\n', '\r'), fc.boolean(), fc.boolean())
    .map(([lines, eol, bom, finalEol]) => {
      const out: string[] = [];
      for (const l of lines) out.push(...('note' in l ? [...wrapNote(kind, l.note, l.shape), ''] : [l.filler]));
      return `${bom ? '\uFEFF' : ''}${out.join(eol)}${finalEol ? eol : ''}`;
    });
}

function analyze(kind: DocumentKind, text: string): Finding[] {
  return analyzeDocument(readDocument(kind, text), { config, script: kind === 'fountain' ? undefined : script });
}

function apply(text: string, insertions: readonly Insertion[]): string {
  let out = text;
  for (const i of [...insertions].sort((a, b) => b.offset - a.offset)) out = out.slice(0, i.offset) + i.text + out.slice(i.offset);
  return out;
}

/** Where an offset of the old text is in the new one, after the insertions. */
function shifted(offset: number, insertions: readonly Insertion[]): number {
  return offset + insertions.filter((i) => i.offset <= offset).reduce((n, i) => n + i.text.length, 0);
}

function assertInsertionSound(text: string, insertion: Insertion): void {
  assert.ok(insertion.offset >= 0 && insertion.offset <= text.length, `offset ${insertion.offset} outside 0-${text.length}`);
  const before = text.charCodeAt(insertion.offset - 1);
  const at = text.charCodeAt(insertion.offset);
  assert.ok(!(before >= 0xd800 && before <= 0xdbff && at >= 0xdc00 && at <= 0xdfff), 'splits a surrogate pair');
  assert.ok(!(before === 13 && at === 10), 'splits a CRLF');
  assert.ok(insertion.text.length > 0, 'inserts something');
  const after = apply(text, [insertion]);
  assert.equal(after.slice(0, insertion.offset) + after.slice(insertion.offset + insertion.text.length), text, 'the original is the result with the insertion taken out');
}

/** The fixes of `kind` still offered for the note that started at `noteStart` before the edit. */
function offeredAgain(kind: DocumentKind, text: string, noteStart: number, fix: FixKind): { finding?: Finding; again: boolean } {
  const doc = readDocument(kind, text);
  const finding = analyze(kind, text).find((f) => f.span.start <= noteStart && noteStart < Math.max(f.span.end, f.span.start + 1));
  if (!finding) return { again: false };
  return { finding, again: fixesFor(doc, finding).some((f) => f.kind === fix) };
}

describe('quick fixes on random documents (property-based)', () => {
  for (const kind of ['fountain', 'markdown', 'plaintext'] as const) {
    it(`${kind}: each fix only inserts, and once applied is not offered again for that note`, function () {
      this.timeout(60000);
      fc.assert(
        fc.property(documentOf(kind), (text) => {
          const doc = readDocument(kind, text);
          for (const finding of analyze(kind, text)) {
            for (const fix of fixesFor(doc, finding)) {
              assertInsertionSound(text, fix.insertion);
              const after = apply(text, [fix.insertion]);
              const { finding: again, again: offered } = offeredAgain(kind, after, shifted(finding.note.span.start, [fix.insertion]), fix.kind);
              assert.ok(!offered, `"${fix.kind}" offered again after applying it to ${JSON.stringify(finding.note.text)} in ${JSON.stringify(after)}`);
              if (fix.kind === 'suppress') assert.equal(again, undefined, `a suppressed note keeps a finding in ${JSON.stringify(after)}`);
            }
          }
        }),
        { numRuns: 40 },
      );
    });

    it(`${kind}: a fix applied to every finding at once is offered for none of them again`, function () {
      this.timeout(60000);
      fc.assert(
        fc.property(documentOf(kind), fc.constantFrom(...FIX_KINDS), (text, fixKind) => {
          const doc = readDocument(kind, text);
          const findings = analyze(kind, text);
          const insertions = findings.flatMap((f) => fixesFor(doc, f).filter((x) => x.kind === fixKind).map((x) => x.insertion));
          if (insertions.length === 0) return;
          const after = apply(text, insertions);
          for (const f of findings) {
            const { again } = offeredAgain(kind, after, shifted(f.note.span.start, insertions), fixKind);
            assert.ok(!again, `"${fixKind}" offered again for ${JSON.stringify(f.note.text)} in ${JSON.stringify(after)}`);
          }
        }),
        { numRuns: 40 },
      );
    });
  }
});
