// Times a full parse of a ~165 KB screenplay made by concatenating the corpus scripts.
// Run: npx tsx bench/parse.ts   (timings belong here, never in tests)
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { parseFountain } from '../server/src/core/documents/fountain/parseFountain';
import { readFountain } from '../server/src/core/documents/fountain/readFountain';

const corpus = path.resolve(__dirname, '../../shared/corpus');
const fountains = readdirSync(corpus, { recursive: true, encoding: 'utf8' })
  .filter((f) => f.endsWith('.fountain'))
  .map((f) => readFileSync(path.join(corpus, f), 'utf8'));

let script = '';
while (script.length < 165 * 1024) script += fountains.join('\n\n');

function time(label: string, run: () => unknown): void {
  for (let i = 0; i < 50; i++) run(); // warm up
  const runs = 200;
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    run();
    samples.push(performance.now() - t0);
  }
  samples.sort((a, b) => a - b);
  const median = samples[runs >> 1];
  const p95 = samples[Math.floor(runs * 0.95)];
  console.log(`${label.padEnd(36)} median ${median.toFixed(2)} ms  p95 ${p95.toFixed(2)} ms`);
}

console.log(`fountain: ${(script.length / 1024).toFixed(0)} KB (UTF-16 units / 1024)`);
time('parseFountain', () => parseFountain(script));
time('readFountain (notes + facts)', () => readFountain(script));
