// The material the benchmark runs on: a feature-length Fountain script (≈ 165 KB, the size of a
// 120-page screenplay) built by repeating the corpus screenplays in ../shared/corpus, with 50 AI
// notes of mixed categories spread through it, and a generated workspace of many small files.
// The corpus is read at run time, never copied into the project.
import { readFileSync, readdirSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseFountain } from '../server/src/core/documents/fountain/parseFountain';

export const REPO_ROOT = path.resolve(__dirname, '..');
export const CORPUS = path.resolve(REPO_ROOT, '../shared/corpus');
export const FEATURE_SIZE = 165 * 1024;

/**
 * Fifty notes as a production writes them, for the corpus's own people and places (SCOTT, KATE,
 * MIKE and BAXTER speak most; STREET, CAR and OFFICE recur): main characters, key elements, real
 * people's likeness, union work, someone else's IP, archive-like imagery, personal data, data
 * handling, final deliverables, approved uses and low-risk uses to disclose, and a few notes that
 * are no AI use at all.
 */
export const FEATURE_NOTES: readonly string[] = [
  'GenAI: generate Scott’s face for the wide shots on the roof, final comp',
  'AI: synthesize Kate’s voice for the lines we lost in the rain, stays in the final mix',
  'GenAI: de-age the actor playing Mike by twenty years for the flashback',
  'GenAI: voice clone of the lead actor for the ADR pickups in reel 4',
  'AI: generate a crowd of background extras for the street instead of booking them',
  'GenAI: have ChatGPT write the missing dialogue for this scene',
  'AI: score the chase with generated music in the style of John Williams',
  'GenAI: generate archival news footage of the 1994 riots for the TV in the bar',
  'AI: upload the cast contact sheet and medical forms to Midjourney for the ID badges',
  'GenAI: paste the full script into a free online chatbot for a coverage summary',
  'GenAI: mood board for the office set, reference only',
  'AI previs of the car chase, temp only, replaced by the real shoot',
  'GenAI: generate the Lexus explosion as the hero shot, final VFX',
  'GenAI: storyboards of the opening with Midjourney, not shown to the audience',
  'AI: temp music from Suno for the rough cut, to be replaced by the composer',
  'GenAI: face swap Baxter’s stunt double with the actor’s face for the fall',
  'GenAI: de-age Kate for the flashback. Approval: NFX-GAI-0142',
  'AI: Runway to extend the street plate behind Scott, stays in the cut. Approval: NFX-GAI-0177',
  'GenAI: generate a photoreal press photo of the mayor at the ribbon cutting',
  'AI: make the painting in the office look like a real Hockney, final frame',
  'GenAI: replace the stunt driver with a generated double for the crash',
  'AI: clone the voice of the radio announcer from the archive tape',
  'GenAI: generate the rifle close-ups for the final grade',
  'AI: pitch deck images of the car for the financiers',
  'GenAI: feed the crew’s home addresses into the scheduling assistant',
  'AI: translate the subtitles with DeepL and deliver them as final',
  'GenAI: generate background chatter for the restaurant, temp track',
  'AI: generate Mike’s younger self for the photo on the fridge, final comp',
  'GenAI: replace the session musicians with generated strings for the end credits',
  'AI: send the dailies to a consumer app to colour-match the night exteriors',
  'GenAI: concept art of the office at night, ideation only',
  'AI: generate a fake Coca-Cola billboard for the street wide',
  'GenAI: reconstruct the real 1987 plane crash as documentary footage',
  'AI: use Kate’s audition tape to train a likeness model for the reshoots',
  'GenAI: generate a background car passing in the far distance, nobody will notice it',
  'AI: rewrite Baxter’s monologue with Claude, keep it in the shooting script',
  'GenAI: design the creature for the dream sequence, final VFX',
  'AI: generate Scott’s stunt double face for the fight, final. Approval: LEGAL-2291',
  'GenAI: upscale the archive clip of the real protest so it looks current',
  'AI: generate an extra Betty line with the actor’s cloned voice, approval pending',
  'GenAI: temp VO for the animatic, replaced before picture lock',
  'AI: photoreal "home video" of the real family for the memorial scene',
  'GenAI: Midjourney poster in the style of Drew Struzan for the in-world cinema',
  'AI: cut the trailer with generated shots of Kate, stays in the marketing deliverables',
  'GenAI: generate the office exterior as a full CG build for the final shot',
  'Check with legal about the location release for the street',
  'Reshoot pickup: Mike’s close-up needs a new lens',
  'Props: the rifle must be a replica, no live rounds on set',
  'AI: previs animatic of the rooftop for blocking, internal only',
  'GenAI: upload the call sheets with crew phone numbers to an AI planner',
];

function corpusFountainTexts(): string[] {
  return readdirSync(CORPUS, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.fountain'))
    .sort()
    .map((file) => readFileSync(path.join(CORPUS, file), 'utf8').replace(/\r\n?/g, '\n'));
}

/**
 * The feature script: the corpus screenplays one after the other, repeated until ≈ 165 KB, then
 * one note on a line of its own every so many blank-line gaps (never inside boneyard).
 */
export function featureScript(): string {
  const notesSize = FEATURE_NOTES.reduce((sum, n) => sum + n.length + 6, 0);
  const texts = corpusFountainTexts();
  let base = '';
  while (base.length < FEATURE_SIZE - notesSize) base += texts.join('\n\n') + '\n\n';
  base = base.slice(0, base.lastIndexOf('\n\n', FEATURE_SIZE - notesSize) + 2);
  const boneyard = parseFountain(base).regions.filter((r) => r.kind === 'boneyard');
  const gaps: number[] = [];
  for (let at = base.indexOf('\n\n'); at >= 0; at = base.indexOf('\n\n', at + 2)) {
    if (!boneyard.some((r) => r.span.start <= at && at < r.span.end)) gaps.push(at + 1);
  }
  let text = '';
  let from = 0;
  FEATURE_NOTES.forEach((note, i) => {
    // Evenly spread, past the title page of the first screenplay.
    const at = gaps[Math.floor(((i + 0.5) * gaps.length) / FEATURE_NOTES.length)];
    text += base.slice(from, at) + `[[${note}]]\n`;
    from = at;
  });
  return text + base.slice(from);
}

/** A Markdown notes file for one episode of the generated workspace. */
function notesFile(i: number): string {
  const note = FEATURE_NOTES[i % FEATURE_NOTES.length];
  return `# Episode ${i} notes\n\n## Scene ${i % 40}\n\n- ${note}\n- Schedule the pickup for day ${i % 30}\n- Wardrobe: the jacket from episode ${i - 1}\n`;
}

/**
 * A production of `count` files: one folder per episode holding a screenplay from the corpus
 * and notes files, so that every notes file is read against the screenplay beside it.
 */
export function writeWorkspace(root: string, count: number): void {
  const texts = corpusFountainTexts();
  mkdirSync(root, { recursive: true });
  let written = 0;
  for (let episode = 0; written < count; episode++) {
    const dir = path.join(root, `episode-${String(episode).padStart(3, '0')}`);
    mkdirSync(dir, { recursive: true });
    const script = texts[episode % texts.length];
    const lines = script.split('\n');
    const at = Math.floor(lines.length / 2);
    lines.splice(at, 0, '', `[[${FEATURE_NOTES[episode % FEATURE_NOTES.length]}]]`, '');
    writeFileSync(path.join(dir, `episode-${episode}.fountain`), lines.join('\n'));
    written++;
    for (let n = 0; n < 4 && written < count; n++, written++) writeFileSync(path.join(dir, `notes-${n}.md`), notesFile(episode * 4 + n));
  }
}
