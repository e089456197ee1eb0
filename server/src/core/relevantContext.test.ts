// The incremental analysis classifies a note against only the context entries it shares a word
// with (relevantContext.ts). That is sound only while the classifier reads the context by name;
// this test holds it to that on every eval note, against its own screenplay and config, and in
// a documentary production (where characters count as real people).
import { strict as assert } from 'node:assert';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { noteContext } from './analysis';
import { classifyNote } from './classify/classifyNote';
import { mergeConfig, parseConfig } from './config/parseConfig';
import { readFountain } from './documents/fountain/readFountain';
import { ContextIndex, noteWords } from './relevantContext';

const repo = path.resolve(__dirname, '../../..');
const SETS = [
  { notes: '../shared/eval/dev-notes.jsonl', scripts: '../shared/eval/scripts' },
  { notes: 'test/fixtures/eval/own-notes.jsonl', scripts: 'test/fixtures/eval/scripts' },
  { notes: 'test/fixtures/eval/holdout/notes.jsonl', scripts: 'test/fixtures/eval/holdout/scripts' },
  { notes: 'test/fixtures/eval/holdout2/notes.jsonl', scripts: 'test/fixtures/eval/holdout2/scripts' },
];

describe('classifying a note against the context entries it shares words with', function () {
  this.timeout(120000);
  for (const set of SETS) {
    it(`gives the same result as the whole context: ${set.notes}`, () => {
      const notes = readFileSync(path.resolve(repo, set.notes), 'utf8')
        .split(/\r?\n/)
        .filter((l) => l.trim())
        .map((l) => JSON.parse(l) as { text: string; script: string });
      let compared = 0;
      for (const script of new Set(notes.map((n) => n.script))) {
        const dir = path.resolve(repo, set.scripts);
        const facts = readFountain(readFileSync(path.join(dir, `${script}.fountain`), 'utf8')).script!;
        const configFile = path.join(dir, `${script}.genai-review.json`);
        const values = existsSync(configFile) ? parseConfig(readFileSync(configFile, 'utf8')).values : {};
        for (const productionType of ['scripted', 'documentary'] as const) {
          const config = mergeConfig({}, { ...values, productionType });
          const context = noteContext(config, { facts });
          const index = new ContextIndex(context);
          const options = { markers: config.markers };
          for (const note of notes.filter((n) => n.script === script)) {
            const whole = classifyNote(note.text, context, options);
            const relevant = classifyNote(note.text, index.forNote(noteWords(note.text)), options);
            assert.deepStrictEqual(relevant, whole, `${script} (${productionType}): ${note.text}`);
            compared++;
          }
        }
      }
      assert.ok(compared >= notes.length * 2);
    });
  }
});
