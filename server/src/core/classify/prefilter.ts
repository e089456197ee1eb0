// A cheap look at a note before the language analysis: only a note that carries a marker or a
// word an AI use needs (an AI term, a tool, a technique, a generative verb, "model", "prompt"…)
// can be one, and most notes in a screenplay carry none. compromise costs a couple of
// milliseconds a note; this costs microseconds. A test checks that it never turns away a note
// the full analysis would find an AI use in.
import lexicon from './lexicon.json';
import { markerRegExp } from './aiUse';

// Stems that the patterns of aiUse.json and the entity lists need one of; matched at the start
// of a word, case-insensitively.
const EXTRA_STEMS = [
  'synth', 'clon', 'model', 'prompt', 'photoreal', 'photo-real', 'hyperreal', 'hyper-real', 'digital', 'virtual', 'replica', 'copy',
  'likeness', 'lora', 'checkpoint', 'upscal', 'chatbot', 'generat', 'regen', 'gen', 'scan', 'lookalike', 'look-alike', 'fine-tun',
  'finetun', 'train', 'deepfake', 'de-ag', 'deag', 're-ag', 'age-progress', 'outpaint', 'inpaint', 'fabricat', 'hallucinat',
  'mood', 'lookbook', 'palette', 'reference', 'summari', 'enhancer', 'face', 'voice', 'dream', 'conjure', 'come up',
];

const STOP = new Set(['the', 'a', 'an', 'our', 'my', 'their', 'of', 'in', 'to', 'on', 'for', 'with']);

/** The first word of each entry that is not a function word ("model" of "the model"). */
function stemsOf(entries: readonly string[]): string[] {
  return entries.map((e) => e.toLowerCase().split(/[\s_]+/).find((w) => w.length > 0 && !STOP.has(w)) ?? '').filter((w) => w.length > 0);
}

const STEMS = [...new Set([...stemsOf(lexicon.aiTerm), ...stemsOf(lexicon.aiTechnique), ...stemsOf(lexicon.tool), ...stemsOf(lexicon.generativeVerb), ...EXTRA_STEMS])];
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const CANDIDATE = new RegExp(`(?<![\\p{L}\\p{N}])(?:${STEMS.sort((a, b) => b.length - a.length).map(escape).join('|')})`, 'iu');

/** False when the note cannot be an AI use; true when the full analysis must look. */
export function mightBeAiUse(text: string, markers: readonly string[]): boolean {
  return CANDIDATE.test(text) || markerRegExp(markers).test(text);
}
