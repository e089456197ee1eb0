// Times full reads of ~165 KB documents built from the corpus (../shared/corpus): the size of a
// feature screenplay, re-read on every keystroke. Run: npx tsx bench/parse.ts
// Timings belong here, never in tests.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { parseFountain } from '../server/src/core/documents/fountain/parseFountain';
import { readDocument } from '../server/src/core/documents/index';

const corpus = path.resolve(__dirname, '../../shared/corpus');
const TARGET = 165 * 1024;

function corpusTexts(extension: string): string[] {
  return readdirSync(corpus, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith(extension))
    .sort()
    .map((file) => readFileSync(path.join(corpus, file), 'utf8'));
}

/** Repeats the texts until TARGET UTF-16 units, cut at a line break. */
function grow(texts: string[], separator: string): string {
  let text = '';
  while (text.length < TARGET) text += texts.join(separator) + separator;
  return text.slice(0, text.lastIndexOf('\n', TARGET) + 1);
}

/** One Final Draft file whose <Content> repeats the corpus paragraphs until TARGET. */
function growFdx(): string {
  const source = corpusTexts('The-Last-Birthday-Card.fdx')[0];
  const open = source.indexOf('<Content>') + '<Content>'.length;
  const close = source.lastIndexOf('</Content>');
  const paragraphs = source.slice(open, close);
  let body = '';
  while (source.length - paragraphs.length + body.length < TARGET) body += paragraphs;
  return source.slice(0, open) + body + source.slice(close);
}

function time(label: string, run: () => unknown): void {
  for (let i = 0; i < 50; i++) run(); // warm up
  const samples: number[] = [];
  for (let i = 0; i < 200; i++) {
    const t0 = performance.now();
    run();
    samples.push(performance.now() - t0);
  }
  samples.sort((a, b) => a - b);
  const at = (q: number) => samples[Math.floor(samples.length * q)].toFixed(2);
  console.log(`${label.padEnd(44)} median ${at(0.5)} ms   p90 ${at(0.9)} ms`);
}

const fountain = grow(corpusTexts('.fountain'), '\n\n');
const markdown = grow(corpusTexts('.md'), '\n\n');
const fdx = growFdx();
const kb = (text: string) => `${(text.length / 1024).toFixed(0)} KB`;

time(`parseFountain, ${kb(fountain)}`, () => parseFountain(fountain));
time(`readDocument fountain (+notes, facts), ${kb(fountain)}`, () => readDocument('fountain', fountain));
time(`readDocument fdx (+facts), ${kb(fdx)}`, () => readDocument('fdx', fdx));
time(`readDocument markdown, ${kb(markdown)}`, () => readDocument('markdown', markdown));
time(`readDocument plaintext, ${kb(markdown)}`, () => readDocument('plaintext', markdown));
