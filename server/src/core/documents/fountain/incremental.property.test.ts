// The incremental Fountain reader must read exactly what a full parse reads: after any sequence of
// edits, the notes (with their context), the script facts, the problems and the title equal those
// of the whole text parsed in one pass, and the chunks' elements equal parseFountain's.
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import type { ScriptElement } from '../../script/elements';
import { scriptFacts } from '../../script/facts';
import type { ProductionDocument } from '../../types';
import { fountainDocument, readFountainState, updateFountainState, type FountainState } from './incremental';
import { fountainNotes } from './notes';
import { markDualDialoguePairs, parseFountain } from './parseFountain';

const corpus = path.resolve(__dirname, '../../../../../../shared/corpus');
const corpusScripts = readdirSync(corpus, { recursive: true, encoding: 'utf8' })
  .filter((f) => f.endsWith('.fountain'))
  .sort()
  .map((f) => readFileSync(path.join(corpus, f), 'utf8'));

/** What one pass over the whole text reads: the reference. */
function wholeReading(text: string): ProductionDocument {
  const parsed = parseFountain(text);
  const doc: ProductionDocument = { kind: 'fountain', text, notes: fountainNotes(text, parsed), script: scriptFacts(parsed), problems: parsed.problems };
  if (parsed.title) doc.title = parsed.title;
  return doc;
}

/** The chunks' elements in document offsets, dual dialogue paired as parseFountain pairs it. */
function chunkElements(state: FountainState): ScriptElement[] {
  const elements = state.chunks.flatMap((chunk, i) =>
    chunk.body.elements.map((e) => ({ ...e, span: { start: e.span.start + state.starts[i], end: e.span.end + state.starts[i] } })),
  );
  markDualDialoguePairs(elements);
  return elements;
}

function assertSameAsWhole(state: FountainState, text: string): void {
  assert.equal(state.text, text);
  assert.equal(state.chunks.map((c) => c.text).join(''), text, 'chunks tile the text');
  assert.deepStrictEqual(fountainDocument(state), wholeReading(text));
  assert.deepStrictEqual(chunkElements(state), parseFountain(text).elements);
}

// Pieces an edit may insert: everything that opens, closes or changes a chunk, a block, a note,
// boneyard, a title page, a heading, a cue, a capitalised name or a key element.
const pieces = [
  '\n', '\n\n', '\r\n', '\r', ' \n', '  \n', '\t\n', '[[', ']]', '/*', '*/', '[[GenAI: de-age KATE for the flashback]]', '/* cut */',
  'INT. LIGHTHOUSE - NIGHT\n', 'EXT. STREET - DAY', '.FLASHBACK', '# Act Two', '= Kate returns.', '===', '> THE END <', 'CUT TO:',
  'SCOTT\n', 'KATE (V.O.)\nHello there.\n', 'BRICK ^\n', '@McCLANE\nYippee.', '~Singing along', '(beat)', '!FORCED',
  'Title: Night Market\n', 'Author: J. Moreau\n', 'The ORRERY spins.', 'Scott opens the DOOR.', 'Mike', 'Baxter waves.', 'x', ' ', 'a',
];

interface EditPlan {
  at: number; // fraction of the text
  length: number; // characters removed
  insert: string;
}

const edit = fc.record({
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  length: fc.oneof({ weight: 3, arbitrary: fc.constant(0) }, { weight: 2, arbitrary: fc.integer({ min: 1, max: 3 }) }, { weight: 1, arbitrary: fc.integer({ min: 4, max: 400 }) }),
  insert: fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...pieces) }, { weight: 1, arbitrary: fc.constant('') }, { weight: 1, arbitrary: fc.string({ maxLength: 6 }) }),
});

function apply(text: string, plan: EditPlan): string {
  const start = Math.min(text.length, Math.floor(plan.at * text.length));
  const end = Math.min(text.length, start + plan.length);
  return text.slice(0, start) + plan.insert + text.slice(end);
}

describe('incremental Fountain reading', () => {
  it('reads every corpus screenplay as one pass over it does', () => {
    for (const text of corpusScripts) assertSameAsWhole(readFountainState(text), text);
  });

  it('reads a long script in many chunks, and re-reads only the chunks around a keystroke', () => {
    const text = corpusScripts.join('\n\n');
    const state = readFountainState(text);
    assert.ok(state.chunks.length > 10, `${state.chunks.length} chunks`);
    const at = text.indexOf('\n\n', text.length / 2) - 1;
    const typed = text.slice(0, at) + 'x' + text.slice(at);
    const next = updateFountainState(state, typed);
    assert.deepEqual(next.stats, { incremental: 1, full: 1 });
    const reused = next.chunks.filter((c) => state.chunks.includes(c)).length;
    assert.ok(reused >= state.chunks.length - 3, `${reused} of ${state.chunks.length} chunks reused`);
    assertSameAsWhole(next, typed);
  });

  it('after random edits to corpus screenplays, reads what a full parse reads', () => {
    fc.assert(
      fc.property(fc.nat(corpusScripts.length - 1), fc.array(edit, { minLength: 1, maxLength: 8 }), (which, plans) => {
        let text = corpusScripts[which];
        let state = readFountainState(text);
        for (const plan of plans) {
          text = apply(text, plan);
          state = updateFountainState(state, text);
          assertSameAsWhole(state, text);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('after random edits to small scripts made of the same pieces, reads what a full parse reads', () => {
    const script = fc.array(fc.constantFrom(...pieces, 'Kate runs.\n', '\n\n', 'BAXTER\nNo.\n\n'), { maxLength: 40 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(script, fc.array(edit, { minLength: 1, maxLength: 10 }), (start, plans) => {
        let text = start;
        let state = readFountainState(text);
        for (const plan of plans) {
          text = apply(text, plan);
          state = updateFountainState(state, text);
          assertSameAsWhole(state, text);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('reads afresh when an edit opens or closes boneyard, so text after it is read right', () => {
    const text = corpusScripts.join('\n\n');
    const state = readFountainState(text);
    const at = text.indexOf('\n\n', text.length / 3) + 2;
    const opened = text.slice(0, at) + '/*\n\n' + text.slice(at);
    const next = updateFountainState(state, opened);
    assert.equal(next.stats.full, 2);
    assertSameAsWhole(next, opened);
    const end = opened.indexOf('\n\n', opened.length / 2) + 2;
    const closed = opened.slice(0, end) + '*/\n\n' + opened.slice(end);
    assertSameAsWhole(updateFountainState(next, closed), closed);
  });
});
