import { strict as assert } from 'node:assert';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { DEFAULT_MARKERS, detectAiUse } from './aiUse';
import { EMPTY_CONTEXT } from './context';
import { findEntities } from './entities';
import { mightBeAiUse } from './prefilter';
import { analyzeText } from '../nlp/analyzeText';

const repo = path.resolve(__dirname, '../../../..');

function labeledNotes(): string[] {
  const files = [path.resolve(repo, '../shared/eval/dev-notes.jsonl'), path.join(repo, 'test/fixtures/eval/own-notes.jsonl')];
  for (const dir of readdirSync(path.join(repo, 'test/fixtures/eval'))) {
    const notes = path.join(repo, 'test/fixtures/eval', dir, 'notes.jsonl');
    if (dir.startsWith('holdout') && existsSync(notes)) files.push(notes);
  }
  return files.flatMap((f) => readFileSync(f, 'utf8').trim().split('\n').map((l) => (JSON.parse(l) as { text: string }).text));
}

describe('prefilter', () => {
  it('never turns away a note the full analysis reads as an AI use', () => {
    const notes = labeledNotes();
    assert.ok(notes.length > 500);
    for (const text of notes) {
      const analyzed = analyzeText(text);
      const full = detectAiUse(analyzed, findEntities(analyzed, EMPTY_CONTEXT), DEFAULT_MARKERS) !== undefined;
      if (full) assert.ok(mightBeAiUse(text, DEFAULT_MARKERS), `prefilter turned away an AI use: ${text}`);
    }
  });

  it('turns away ordinary production notes without the language analysis', () => {
    for (const text of ['Cut this scene if we run long', "Check continuity: Marisol's hair wet or dry?", 'Ana wants to discuss the ending with the director', 'Recast the ticket seller']) {
      assert.equal(mightBeAiUse(text, DEFAULT_MARKERS), false, text);
    }
    assert.equal(mightBeAiUse('SYNTH: background stars', ['SYNTH']), true);
  });
});
